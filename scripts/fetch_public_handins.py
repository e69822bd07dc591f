#!/usr/bin/env python3
"""Re-create working copies of the public hand-ins (README + notebooks + .py files at the cited commit).

Usage: python scripts/fetch_public_handins.py DEST [--mirrors /work/.mirror]

Reads the bare git mirrors made by the session's `fetch` tool (MIRRORS/owner+repo/repo) and writes
DEST/owner+repo/<path> for each file of each hand-in, at the commit cited in
tests/data/handwritten-validity/labels.jsonl (the HANDINS list below is the same list). Nothing of the
hand-ins is stored in this project: the copies are for running the checker on them, not to be committed.
"""
import argparse
import os
import subprocess
import sys

# owner/repo, commit, folder of the hand-in inside the repository ("" = root)
HANDINS = [
    ("dknayakbu/ERA-V1-Assignments", "31f0f06b89c53a4084b784d99d41ecfc76db3459", "S7"),
    ("RaviNaik/ERA-SESSION7", "356eb5043f385347f309c99d1ca055144b78ea34", ""),
    ("kurchi1205/ERA-Session-7-Assignment", "9dea58b8c586f6baa2a7447a969bd8d88f9d0529", ""),
    ("sujitojha1/EVA8", "d0ce1c26b036c7cdfd53960d8e35a19b462e3dac", "Session4"),
    ("janakg/era-s7", "a0df76b0986c9c61a4f1f0623c60220944e18f25", ""),
    ("vivek-a81/EVA6", "9085e5a5d5f8aaeff54ce02ae553f2af846448db", "Session5"),
    ("nagalakshmi-nimmagadda/MNIST-CNN-COLAB", "2a5d05b39da04510d93f687a240dd7c2c476ece6", ""),
    ("The-School-of-AI/era-s7-ram", "539cd2d994adbfabd4a0227fc69e904164837717", ""),
    ("pathToAIbyK/ERA-V1-S7", "421f9b5f322d7d84c7b1e546aeb67352f1d95626", ""),
    ("Navyabhat03/ERA-V1-Session-7", "fe7c5e9f5e5b0f85092090c1a1ba76c748494786", ""),
    ("TharunSivamani/ERA-V1", "01c8f475a4a7d668c92da5eba5708569a7a9c1ef", "Session 7"),
    ("gupta1912/ERA-V1-Assignments", "57493fb6248b41c31c439fe79eed3ece232f82bd", "S7"),
    ("ojhajayant/EVA8", "15cccb463d4507f3fddf32428b6c04a6199581b1", "session_5"),
    # found with find_repos (ERAV1) after the list in docs/handwritten-sources.md
    ("shrey131195/ERAV1", "5f502fc88205087eb0e659f940c78ea5d4a466fb", "S7"),
    ("ankode/ERAV1", "a5f161ea412b81a93ac5dc8a54a863f29f190126", "Session7"),
    ("sushant097/TSAI-ERAv1-Assignments", "5ae6b969bc6f965d4a4ee4314e600f41b40a9f4f", "Session7"),
    ("deepanshudashora/ERAV1", "e918a420e44c73c24e37400e3389ea9071b556ef", "session7"),
]


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dest")
    ap.add_argument("--mirrors", default="/work/.mirror")
    a = ap.parse_args()
    bad = 0
    for repo, commit, folder in HANDINS:
        gitdir = os.path.join(a.mirrors, repo.replace("/", "+"), "repo")
        if not os.path.isdir(gitdir):
            print(f"missing mirror: {gitdir} (fetch github:{repo} first)", file=sys.stderr)
            bad += 1
            continue
        args = ["ls-tree", "-r", "--name-only", commit] + ([folder] if folder else [])
        names = git(gitdir, *args).decode().splitlines()
        out = os.path.join(a.dest, repo.replace("/", "+"))
        n = 0
        for name in names:
            base = os.path.basename(name).lower()
            if not (base.endswith(".ipynb") or base.endswith(".py") or base == "readme.md"):
                continue
            # root hand-ins: README / notebooks at the root or in src/ (kurchi1205), code anywhere
            if folder == "" and "/" in name and not name.endswith(".py") and not name.startswith("src/"):
                continue
            blob = git(gitdir, "show", f"{commit}:{name}")
            path = os.path.join(out, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(blob)
            n += 1
        with open(os.path.join(out, "SOURCE.txt"), "w") as f:
            f.write(f"{repo}@{commit}:{folder or '.'}\n")
        print(f"{repo}@{commit[:10]}: {n} files -> {out}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
