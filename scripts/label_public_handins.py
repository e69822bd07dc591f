#!/usr/bin/env python3
"""Label the checkable sentences of public hand-ins against their own printed training logs.

Validity data for the hand-in checker: every Target / Result / Analysis sentence (and summary lines that claim
a result) of each public hand-in listed in HANDINS, with hand-written atoms (SPEC, below), labelled by reading
the figures the hand-in's notebooks printed. It reads the notebooks with json + re only and never imports
tinydigits: the labels measure the checker, so they must not come from it.

Usage:
    python scripts/label_public_handins.py --src /work/public-handins            # write labels.jsonl
    python scripts/label_public_handins.py --src /work/public-handins --check    # exit 1 on a stored difference
    python scripts/label_public_handins.py --src /work/public-handins --runs     # dump the parsed runs
    python scripts/label_public_handins.py --stats                                # counts of the stored file

--src is the folder scripts/fetch_public_handins.py made (DEST/owner+repo/<path at the commit>).

What is read from a notebook's outputs (stream text and text/plain, code cells in order):
    "Total params: N"                 -> params of the run that follows (a new run starts here)
    "Conv2d-3  [-1, 8, 26, 26] ..."   -> the layer types of that run's torchsummary
    "EPOCH: n" / "Epoch n"            -> the printed epoch label (from 0 or from 1)
    "Loss=l Batch_id=b Accuracy=a ... k/k [" (tqdm, last finished bar) or
    "Training - Loss: l, Accuracy: a%"                                   -> train loss / train accuracy
    "Test set: Average loss: l, Accuracy: c/n (a%)"                      -> test loss / test accuracy
    "LR: [x]" on the bar or "Adjusting learning rate of group 0 to x"   -> learning rate of the epoch
    the bar's total k                                                    -> batches per epoch
An epoch counts when it printed a test line (an interrupted last epoch is dropped). A run also starts again when
the printed epoch label falls back (two trainings in one cell without a summary between).

Atoms (one claim each; all take "neg": true for a negated claim):
    {"q": "params", "op": "="|"~"|"<"|"<=", "value": "7,416" | "7.4k" | "3.9M"}
        "~": the printed count rounds to the figure at the figure's precision (a truncation is false: 7K for 7,781)
        "about": within one unit of the figure's last digit ("around 7.2K" for 7,272)
    {"q": "train_acc"|"test_acc"|"train_loss"|"test_loss", "at": "best"|"final"|N, "op": "="|">="|">"|"<"|"~",
     "value": "99.25", "epoch": N (optional, where the best was)}
        best = max of an accuracy, min of a loss. "=": equal once the printed figure is rounded to the claim's
        decimals (truncation accepted and said). An epoch N is read two ways where the log counts from 0: the N-th
        printed epoch (position) and the epoch printed as N (label); the claim holds if either reading does, and
        "why" says which.
    {"q": "reach", "of": "test_acc", "value": 99.4, "epoch": N (optional), "mode": "at"|"by"}
        the first epoch at/above the value (at: exactly epoch N, by: no later than N)
    {"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "from": N, "to": M | "k": K}
        every epoch from N to M (or the last K) at/above the value
    {"q": "epochs", "op": "="|"<=", "value": 15}    number of epochs printed
    {"q": "overfit"|"underfit", "degree": "slight"|None}
        gap = mean(train_acc) - mean(test_acc) over the last 3 epochs (percentage points).
        overfit: true gap > 0.2 (slight: 0.05 < gap <= 1.0), false gap <= 0, unsettled between.
        underfit (the course's sense: train below test): true gap < -0.1, false gap > 0.1, unsettled between.
    {"q": "gap", "op": "<="|">=", "value": 0.5}       |gap| as above against a figure
    {"q": "compare", "of": q, "fig": "best"|"final"|"params", "vs": other step, "dir": "up"|"down"|"same",
     "amount": x (optional, +-0.05)}  this step's figure against another step's
    {"q": "rank", "of": "test_acc", "fig": "best", "steps": [a, b, c], "order": "desc"}  order of several steps
    {"q": "layer", "type": "BatchNorm2d"|"Dropout"|"AvgPool2d"|..., "each_conv": bool}
        the torchsummary of the run has (after every 3x3 conv but the last, for each_conv) a layer of the type
    {"q": "lr", "value": 0.01, "course": "constant"|None}   learning rate printed each epoch
    {"q": "batches", "batch_size": 512}   batch size consistent with the printed batches per epoch (60,000 images)
    {"q": "unread", "why": "..."}    a claim no printed figure decides (a setting only in code, an opinion,
                                     a cause): unsettled
Fixed labels (no atoms judged): "plan" (what the next step will do), "aim" (a Target, or a goal line),
"no-log" (the step it speaks of printed no training log).
A sentence is true when every judged atom is true, false when any is false, unsettled otherwise.
"""
import argparse
import collections
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "data", "handwritten-validity", "labels.jsonl")

# ---------------------------------------------------------------------------------------------------------------
# the hand-ins: owner/repo, commit, folder, README, and which notebook run each README step speaks of
# steps: name (as the README names it) -> list of (notebook, run index); the first is the step's main run
HANDINS = {
    "dknayakbu": dict(
        repo="dknayakbu/ERA-V1-Assignments", commit="31f0f06b89c53a4084b784d99d41ecfc76db3459",
        readme="S7/README.md",
        steps={f"S7_Model_{i}.ipynb": [(f"S7/S7_Model_{i}.ipynb", 0)] for i in range(1, 7)}),
    "ravinaik": dict(
        repo="RaviNaik/ERA-SESSION7", commit="356eb5043f385347f309c99d1ca055144b78ea34", readme="README.md",
        steps={f"Model{i}": [(f"ERA_SESSION7_Model{i}.ipynb", 0)] for i in range(0, 6)}),
    "kurchi1205": dict(
        repo="kurchi1205/ERA-Session-7-Assignment", commit="9dea58b8c586f6baa2a7447a969bd8d88f9d0529",
        readme="README.md",
        steps={"Problem Statement": [("src/model_3_train.ipynb", 0)],
               "Result": [("src/model_3_train.ipynb", 0)]}),
    "sujitojha1": dict(
        repo="sujitojha1/EVA8", commit="d0ce1c26b036c7cdfd53960d8e35a19b462e3dac", readme="Session4/README.md",
        steps={f"Step {i}": [(f"Session4/EVA8_S4_step{i}.ipynb", 0)] for i in range(1, 4)}),
    "janakg": dict(
        repo="janakg/era-s7", commit="a0df76b0986c9c61a4f1f0623c60220944e18f25", readme="README.md",
        steps={"Training": [("S7.ipynb", 0)]}),
    "vivek-a81": dict(
        repo="vivek-a81/EVA6", commit="9085e5a5d5f8aaeff54ce02ae553f2af846448db", readme="Session5/Readme.md",
        steps={n: [(f"Session5/{n}.ipynb", 0)] for n in
               ["Model1_Basic_Skeleton", "Model2_bn_dropout", "Model3_augmentation", "Model4_best_modelLR"]}),
    "nagalakshmi": dict(
        repo="nagalakshmi-nimmagadda/MNIST-CNN-COLAB", commit="2a5d05b39da04510d93f687a240dd7c2c476ece6",
        readme="README.md",
        steps={**{f"Model {i}": [(f"MNIST_Model{i}_Development.ipynb", 0)] for i in range(1, 4)},
               "Project Overview": [("MNIST_Model3_Development.ipynb", 0)]}),
    "ram": dict(
        repo="The-School-of-AI/era-s7-ram", commit="539cd2d994adbfabd4a0227fc69e904164837717", readme="README.md",
        steps={"Target Selection": [("s7-7.ipynb", 0)],
               "Step 1": [("s7-2.ipynb", 0), ("s7-1.ipynb", 0)],   # s7-1.ipynb printed nothing
               "Step 2": [("s7-3.ipynb", 0), ("s7-4.ipynb", 0)],
               "Step 3": [("s7-7.ipynb", 0), ("s7-5.ipynb", 0), ("s7-6.ipynb", 0)],
               "Conclusion": [("s7-7.ipynb", 0)]}),
    "pathtoaibyk": dict(
        repo="pathToAIbyK/ERA-V1-S7", commit="421f9b5f322d7d84c7b1e546aeb67352f1d95626", readme="README.md",
        steps={"Code-1": [("S7_model1.ipynb", 0)], "Code-2": [("S7_model2.ipynb", 0)]}),
    "navyabhat03": dict(
        repo="Navyabhat03/ERA-V1-Session-7", commit="fe7c5e9f5e5b0f85092090c1a1ba76c748494786", readme="README.md",
        steps={f"Model{i}": [("S7.ipynb", i - 1)] for i in range(1, 4)}),
    "tharunsivamani": dict(
        repo="TharunSivamani/ERA-V1", commit="01c8f475a4a7d668c92da5eba5708569a7a9c1ef",
        readme="Session 7/README.md",
        steps={f"Model {i}": [(f"Session 7/S7_Model{i}.ipynb", 0)] for i in range(1, 7)}),
    "gupta1912": dict(
        repo="gupta1912/ERA-V1-Assignments", commit="57493fb6248b41c31c439fe79eed3ece232f82bd", readme="S7/README.md",
        steps={"Intro": [("S7/Code8.ipynb", 0)], "Result": [("S7/Code8.ipynb", 0)]}),
    "ojhajayant": dict(
        repo="ojhajayant/EVA8", commit="15cccb463d4507f3fddf32428b6c04a6199581b1", readme="session_5/README.md",
        steps={"group-Norm": [("session_5/EVA8_session5_assignment.ipynb", 0)],
               "layer-Norm": [("session_5/EVA8_session5_assignment.ipynb", 1)],
               "batch-Norm + L1": [("session_5/EVA8_session5_assignment.ipynb", 2)]}),
    "shrey131195": dict(
        repo="shrey131195/ERAV1", commit="5f502fc88205087eb0e659f940c78ea5d4a466fb", readme="S7/README.md",
        steps={f"Model {i}": [(f"S7/Model_{i}.ipynb", 0)] for i in range(1, 4)}),
    "ankode": dict(
        repo="ankode/ERAV1", commit="a5f161ea412b81a93ac5dc8a54a863f29f190126", readme="Session7/README.md",
        steps={f"Model {i}": [(f"Session7/S7_Model{i}.ipynb", 0)] for i in range(1, 4)}),
    "sushant097": dict(
        repo="sushant097/TSAI-ERAv1-Assignments", commit="5ae6b969bc6f965d4a4ee4314e600f41b40a9f4f",
        readme="Session7/Readme.md",
        steps={"First Step - Inital Step": [("Session7/First_step/First_Step.ipynb", 0)],
               "Basic Model Skeleton": [("Session7/simple_skeleton/Skeleton_of_model.ipynb", 0)],
               "Lighter Model": [("Session7/lighter_model/lighter_model.ipynb", 0)],
               "With BatchNorm": [("Session7/Batch-norm/With_Batch_Norm.ipynb", 0)],
               "With Dropout": [("Session7/WithDropout/With_Drop_out.ipynb", 0)],
               "GAP": [("Session7/With_GAP/With_GAP.ipynb", 0)],
               "With Learning rate Scheduler": [("Session7/Learning-Rate/With_step_lr_scheduler.ipynb", 0)]}),
    "deepanshudashora": dict(
        repo="deepanshudashora/ERAV1", commit="e918a420e44c73c24e37400e3389ea9071b556ef", readme="session7/README.md",
        steps={"Basic Architecture": [("session7/Module 1 (Basics Done)/Basic_skelaton/S7_Base_architecture.ipynb", 0)],
               "Dropout Introduced": [("session7/Module 1 (Basics Done)/Dropout/S7_Dropout.ipynb", 0)],
               "Transition Block Location": [("session7/Module 2 (Architecture Improvments)/maxpool_postion_changed/S7_Maxpool_and_transition_changed.ipynb", 0)],
               "LR Schedulers": [("session7/Module 2 (Architecture Improvments)/LR_Scheduler_exp/S7_STEPLR.ipynb", 0),
                                 ("session7/Module 2 (Architecture Improvments)/LR_Scheduler_exp/S7_OneCyclePolicy.ipynb", 0)],
               "Data Augmentation": [("session7/Module 3 (Final Results)/Most_accurate/S7_Augmentation_and_transition_changes.ipynb", 0)],
               "Final Submission": [("session7/Module 3 (Final Results)/Best_with_reduced_param/S7_Reduced_param_99.4.ipynb", 0)],
               # the README's folder list speaks of whole modules; the LR row of two notebooks
               "Module 1": [("session7/Module 1 (Basics Done)/Basic_skelaton/S7_Base_architecture.ipynb", 0),
                            ("session7/Module 1 (Basics Done)/Dropout/S7_Dropout.ipynb", 0)],
               "Module 3": [("session7/Module 3 (Final Results)/Most_accurate/S7_Augmentation_and_transition_changes.ipynb", 0),
                            ("session7/Module 3 (Final Results)/Best_with_reduced_param/S7_Reduced_param_99.4.ipynb", 0)],
               "LR Schedulers (StepLR)": [("session7/Module 2 (Architecture Improvments)/LR_Scheduler_exp/S7_STEPLR.ipynb", 0)],
               "LR Schedulers (OneCyclePolicy)": [("session7/Module 2 (Architecture Improvments)/LR_Scheduler_exp/S7_OneCyclePolicy.ipynb", 0)]}),
}

# ---------------------------------------------------------------------------------------------------------------
# the sentences: (hand-in, step, section, sentence, atoms or a fixed label)
T, R, A, G = "target", "result", "analysis", "summary"
P = lambda: "plan"   # noqa: E731
AIM = "aim"


def acc(q, at, value, op="=", epoch=None, **kw):
    a = {"q": q, "at": at, "op": op, "value": value}
    if epoch is not None:
        a["epoch"] = epoch
    a.update(kw)
    return a


def prm(value, op="="):
    return {"q": "params", "op": op, "value": value}


def aim(*atoms):
    """A Target (label "aim") whose words a log can measure: "why" says whether it was met."""
    return {"aim": list(atoms)}


def unread(why):
    return {"q": "unread", "why": why}


SPEC = [
    # ---------------- dknayakbu/ERA-V1-Assignments S7
    ("dknayakbu", "S7_Model_1.ipynb", T, "To get the basic code setup right.", AIM),
    ("dknayakbu", "S7_Model_1.ipynb", T, "This would include fixing the data transforms and data loader that include converting to tensor, normalization, augmentation", AIM),
    ("dknayakbu", "S7_Model_1.ipynb", T, "We also fix the class structure for the model, training & testing block.", AIM),
    ("dknayakbu", "S7_Model_1.ipynb", T, "Fixing the above would help us develop and experiment multiple models faster", AIM),
    ("dknayakbu", "S7_Model_1.ipynb", R, "Parameters: 3.9M", [prm("3.9M", "~")]),
    ("dknayakbu", "S7_Model_1.ipynb", R, "Best Train Accuracy: 99.98", [acc("train_acc", "best", "99.98")]),
    ("dknayakbu", "S7_Model_1.ipynb", R, "Best Test Accuracy: 99.36", [acc("test_acc", "best", "99.36")]),
    ("dknayakbu", "S7_Model_1.ipynb", A, "The basic code setup is built and fixed now.", [unread("a state of the code, no figure")]),
    ("dknayakbu", "S7_Model_1.ipynb", A, "The basic model where we just increase the parametrs is too large and needs to be reduced.", [prm("8k", ">")]),
    ("dknayakbu", "S7_Model_2.ipynb", T, "Also we need bring down the number of parameters to less than 8k.", aim(prm("8k", "<"))),
    ("dknayakbu", "S7_Model_2.ipynb", T, "To get the basic skeleton of the model right.", AIM),
    ("dknayakbu", "S7_Model_2.ipynb", T, "We will be using this skeleton to add/remove layers and finetune the parameters.", AIM),
    ("dknayakbu", "S7_Model_2.ipynb", T, "This would include fixing the below in a block which will be repeated: Input Block, Convolution, Activation function, Pooling", AIM),
    ("dknayakbu", "S7_Model_2.ipynb", T, "Therefore, we need to keep the channel size small.", AIM),
    ("dknayakbu", "S7_Model_2.ipynb", R, "The basic code structure is built and fixed now.", [unread("a state of the code, no figure")]),
    ("dknayakbu", "S7_Model_2.ipynb", R, "Parameters: 5000", [prm("5000")]),
    ("dknayakbu", "S7_Model_2.ipynb", R, "Best Train Accuracy: 99.28", [acc("train_acc", "best", "99.28")]),
    ("dknayakbu", "S7_Model_2.ipynb", R, "Best Test Accuracy: 99.00", [acc("test_acc", "best", "99.00")]),
    ("dknayakbu", "S7_Model_2.ipynb", A, "This new much smaller model is performing good.", [unread("'performing good' is an opinion")]),
    ("dknayakbu", "S7_Model_2.ipynb", A, "We can see a little overfitting, we will address that in next model.", [{"q": "overfit", "degree": "slight"}]),
    ("dknayakbu", "S7_Model_3.ipynb", T, "We add batch normalization to the convolution and evaluate the results.", AIM),
    ("dknayakbu", "S7_Model_3.ipynb", T, "It is added to standardize the data to make the model more efficient.", AIM),
    ("dknayakbu", "S7_Model_3.ipynb", R, "The basic code structure is built and fixed now.", [unread("a state of the code, no figure")]),
    ("dknayakbu", "S7_Model_3.ipynb", R, "Parameters: 5,112", [prm("5,112")]),
    ("dknayakbu", "S7_Model_3.ipynb", R, "Best Train Accuracy: 99.67", [acc("train_acc", "best", "99.67")]),
    ("dknayakbu", "S7_Model_3.ipynb", R, "Best Test Accuracy: 98.91", [acc("test_acc", "best", "98.91")]),
    ("dknayakbu", "S7_Model_3.ipynb", A, "The training accuracy has increased.", [{"q": "compare", "of": "train_acc", "fig": "best", "vs": "S7_Model_2.ipynb", "dir": "up"}]),
    ("dknayakbu", "S7_Model_3.ipynb", A, "The model is still having overfitting.", [{"q": "overfit"}]),
    ("dknayakbu", "S7_Model_4.ipynb", T, "We add dropouts as a form of regularization and evaluate the results.", AIM),
    ("dknayakbu", "S7_Model_4.ipynb", T, "It is done to reduce the overfitting problem.", AIM),
    ("dknayakbu", "S7_Model_4.ipynb", R, "The basic code structure is built and fixed now.", [unread("a state of the code, no figure")]),
    ("dknayakbu", "S7_Model_4.ipynb", R, "Parameters: 5,112", [prm("5,112")]),
    ("dknayakbu", "S7_Model_4.ipynb", R, "Best Train Accuracy: 99.23", [acc("train_acc", "best", "99.23")]),
    ("dknayakbu", "S7_Model_4.ipynb", R, "Best Test Accuracy: 98.85", [acc("test_acc", "best", "98.85")]),
    ("dknayakbu", "S7_Model_4.ipynb", A, "The model overfitting has reduced but slight overfitting is still there.", [{"q": "compare", "of": "gap", "fig": "gap", "vs": "S7_Model_3.ipynb", "dir": "down"}, {"q": "overfit", "degree": "slight"}]),
    ("dknayakbu", "S7_Model_5.ipynb", T, "We add Global Average Pooling layer at the last layer and evaluate the results.", AIM),
    ("dknayakbu", "S7_Model_5.ipynb", T, "It provides one feature map for each corresponding category of the classification task.", AIM),
    ("dknayakbu", "S7_Model_5.ipynb", R, "The basic code structure is built and fixed now.", [unread("a state of the code, no figure")]),
    ("dknayakbu", "S7_Model_5.ipynb", R, "Parameters:4,872", [prm("4,872")]),
    ("dknayakbu", "S7_Model_5.ipynb", R, "Best Train Accuracy: 99.14", [acc("train_acc", "best", "99.14")]),
    ("dknayakbu", "S7_Model_5.ipynb", R, "Best Test Accuracy: 98.68", [acc("test_acc", "best", "98.68")]),
    ("dknayakbu", "S7_Model_5.ipynb", A, "The model overfitting has reduced further.", [{"q": "compare", "of": "gap", "fig": "gap", "vs": "S7_Model_4.ipynb", "dir": "down"}]),
    ("dknayakbu", "S7_Model_5.ipynb", A, "The model need more data.", [unread("a remedy, no figure")]),
    ("dknayakbu", "S7_Model_6.ipynb", T, "We add more data in the form of data augmentation and evaluate the results.", AIM),
    ("dknayakbu", "S7_Model_6.ipynb", T, "RandomRotation is added as form of augmentation.", AIM),
    ("dknayakbu", "S7_Model_6.ipynb", T, "It is done to reduce the overfitting problem.", AIM),
    ("dknayakbu", "S7_Model_6.ipynb", T, "We also add more layer to make the model learn better.", AIM),
    ("dknayakbu", "S7_Model_6.ipynb", R, "The basic code structure is built and fixed now.", [unread("a state of the code, no figure")]),
    ("dknayakbu", "S7_Model_6.ipynb", R, "Parameters: 7,360", [prm("7,360")]),
    ("dknayakbu", "S7_Model_6.ipynb", R, "Best Train Accuracy: 98.65", [acc("train_acc", "best", "98.65")]),
    ("dknayakbu", "S7_Model_6.ipynb", R, "Best Test Accuracy: 98.79", [acc("test_acc", "best", "98.79")]),
    ("dknayakbu", "S7_Model_6.ipynb", A, "The model overfitting has is resolved.", [{"q": "overfit", "neg": True}]),
    # ---------------- RaviNaik/ERA-SESSION7
    ("ravinaik", "Model0", T, "Setup a proper structure", AIM),
    ("ravinaik", "Model0", R, "No. of Params: 6,379,786", [prm("6,379,786")]),
    ("ravinaik", "Model0", R, "Best Test Accuracy: 99.32%", [acc("test_acc", "best", "99.32")]),
    ("ravinaik", "Model0", R, "Best Train Accuracy: 99.96%", [acc("train_acc", "best", "99.96")]),
    ("ravinaik", "Model0", A, "Structure looks fine and model is learning", [acc("test_acc", "best", "90", op=">=")]),
    ("ravinaik", "Model0", A, "No. of params is too high, so needs to reduce", [prm("8k", ">")]),
    ("ravinaik", "Model0", A, "Accuracy looks fine for a basic model", [unread("'looks fine' is an opinion")]),
    ("ravinaik", "Model1", T, "Setup a skeleton", AIM),
    ("ravinaik", "Model1", T, "Try to reduce the number of paramters", aim({"q": "compare", "of": "params", "fig": "params", "vs": "Model0", "dir": "down"})),
    ("ravinaik", "Model1", R, "No. of Params: 75,024", [prm("75,024")]),
    ("ravinaik", "Model1", R, "Best Test Accuracy: 99.09%", [acc("test_acc", "best", "99.09")]),
    ("ravinaik", "Model1", R, "Best Train Accuracy: 99.80%", [acc("train_acc", "best", "99.80")]),
    ("ravinaik", "Model1", A, "Number of parametrs reduced from ~6 million to 75024", [prm("75024"), {"q": "params", "op": "~", "value": "6M", "step": "Model0"}]),
    ("ravinaik", "Model1", A, "Accuracy is still maintained at 99+", [acc("test_acc", "best", "99", op=">=")]),
    ("ravinaik", "Model1", A, "Model architecure is more structured", [unread("a description of the code")]),
    ("ravinaik", "Model2", T, "Reduce the number of parameters", aim({"q": "compare", "of": "params", "fig": "params", "vs": "Model1", "dir": "down"})),
    ("ravinaik", "Model2", T, "Maintain decent accuracy from last iteration of Model1", AIM),
    ("ravinaik", "Model2", T, "Use a transition block to reduce the channel count", AIM),
    ("ravinaik", "Model2", T, "Keep kernel numbers under 32 so as to reduce the number of paramters", AIM),
    ("ravinaik", "Model2", R, "No. of Params: 17,360", [prm("17,360")]),
    ("ravinaik", "Model2", R, "Best Test Accuracy: 99.05%", [acc("test_acc", "best", "99.05")]),
    ("ravinaik", "Model2", R, "Best Train Accuracy: 99.50%", [acc("train_acc", "best", "99.50")]),
    ("ravinaik", "Model2", A, "Number of parametrs reduced from ~75k to 17360", [prm("17360"), {"q": "params", "op": "~", "value": "75k", "step": "Model1"}]),
    ("ravinaik", "Model2", A, "Accuracy is still maintained at 99+", [acc("test_acc", "best", "99", op=">=")]),
    ("ravinaik", "Model2", A, "There is a very little dip in both train and test accuracy", [{"q": "compare", "of": "train_acc", "fig": "best", "vs": "Model1", "dir": "down"}, {"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model1", "dir": "down"}]),
    ("ravinaik", "Model2", A, "Reducing the number of kernels helped to reduce number of parameters", [unread("a cause: the code, not the log, shows the kernels")]),
    ("ravinaik", "Model2", A, "Adding a transition block allowed to reduce the kernel numbers thereby reducing the number of paramters", [unread("a cause: the code, not the log, shows the blocks")]),
    ("ravinaik", "Model3", T, "Last model was showing scope for learning", [unread("'scope for learning' is an opinion")]),
    ("ravinaik", "Model3", T, "So Trying to increase the training accuracy and maintain before attempting to reduce the number of parameters again", AIM),
    ("ravinaik", "Model3", T, "Use BatchNormalization to improve train and test accuracies", AIM),
    ("ravinaik", "Model3", T, "Add drop out so the gap between train and test accuracies reduce", AIM),
    ("ravinaik", "Model3", R, "No. of Params: 17,584", [prm("17,584")]),
    ("ravinaik", "Model3", R, "Best Test Accuracy: 99.42%", [acc("test_acc", "best", "99.42")]),
    ("ravinaik", "Model3", R, "Best Train Accuracy: 99.53%", [acc("train_acc", "best", "99.53")]),
    ("ravinaik", "Model3", A, "Number of parametrs increased a bit from 17360 to 17584", [prm("17584"), {"q": "params", "op": "=", "value": "17360", "step": "Model2"}]),
    ("ravinaik", "Model3", A, "Gap in accuracy is reduced very much", [{"q": "compare", "of": "gap", "fig": "gap", "vs": "Model2", "dir": "down"}]),
    ("ravinaik", "Model3", A, "Consistently accuracy is at 99.4+", [{"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "k": 3}]),
    ("ravinaik", "Model3", A, "Adding BatchNormalization helped to improve the training accuracy", [{"q": "compare", "of": "train_acc", "fig": "best", "vs": "Model2", "dir": "up"}, unread("credit to one of two changes (batch norm and dropout)")]),
    ("ravinaik", "Model3", A, "Adding Dropout reduced a bit of overfitting and the gap beween train and test accuracies reduced", [{"q": "compare", "of": "gap", "fig": "gap", "vs": "Model2", "dir": "down"}, unread("credit to one of two changes (batch norm and dropout)")]),
    ("ravinaik", "Model4", T, "Reduce the number of parameters from 17k to 8k", aim(prm("8000", "<="))),
    ("ravinaik", "Model4", T, "Instead of going for kernel number from 16 > 32, approach is to change to 10 > 16", AIM),
    ("ravinaik", "Model4", T, "Add Gap layer to collapse image quickly while reducing the number of params", AIM),
    ("ravinaik", "Model4", R, "No. of Params: 8480", [prm("8480")]),
    ("ravinaik", "Model4", R, "Best Test Accuracy: 99.34%", [acc("test_acc", "best", "99.34")]),
    ("ravinaik", "Model4", R, "Best Train Accuracy: 99.06%", [acc("train_acc", "best", "99.06")]),
    ("ravinaik", "Model4", A, "Number of parametrs reduced from 17584 to 8480", [prm("8480"), {"q": "params", "op": "=", "value": "17584", "step": "Model3"}]),
    ("ravinaik", "Model4", A, "Gap layer helped to reduce the number of params by a great margin", [unread("a cause: GAP and fewer kernels came together")]),
    ("ravinaik", "Model4", A, "still the params count is little higher than expected < 8k params", [prm("8k", ">")]),
    ("ravinaik", "Model4", A, "Accuracies have dipped a bit as a result of reduced number of params", [{"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model3", "dir": "down"}, {"q": "compare", "of": "train_acc", "fig": "best", "vs": "Model3", "dir": "down"}, unread("'as a result of' is a cause")]),
    ("ravinaik", "Model5", T, "Reduce the number of parameters to under 8k", aim(prm("8k", "<"))),
    ("ravinaik", "Model5", T, "Alter the kernel numbers from 10>16 to 10>10 and then 10>16, basically maintain kernel number and then increase, to reduce no of params", AIM),
    ("ravinaik", "Model5", T, "Add Rotational image transformations to increase the accuracies", AIM),
    ("ravinaik", "Model5", R, "No. of Params: 7550", [prm("7550")]),
    ("ravinaik", "Model5", R, "Best Test Accuracy: 99.26%", [acc("test_acc", "best", "99.26")]),
    ("ravinaik", "Model5", R, "Best Train Accuracy: 98.73%", [acc("train_acc", "best", "98.73")]),
    ("ravinaik", "Model5", A, "Number of parametrs reduced from 8480 to 7550", [prm("7550"), {"q": "params", "op": "=", "value": "8480", "step": "Model4"}]),
    ("ravinaik", "Model5", A, "Altering the layers approach helped to reduce the number of parameters", [{"q": "compare", "of": "params", "fig": "params", "vs": "Model4", "dir": "down"}, unread("a cause")]),
    ("ravinaik", "Model5", A, "Even after image augmentaton maximum accuracy achieved is 99.26%", [acc("test_acc", "best", "99.26")]),
    # ---------------- kurchi1205/ERA-Session-7-Assignment
    ("kurchi1205", "Problem Statement", G, "To write a model of less than 8000 parameters that achieves 99.4% validation accuracy consistently for few epochs on MNIST data.", aim(prm("8000", "<"), {"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "k": 3})),
    ("kurchi1205", "Result", R, "train Accuracy: 99.27", [acc("train_acc", "best|final", "99.27")]),
    ("kurchi1205", "Result", R, "test Accuracy: 99.32", [acc("test_acc", "best|final", "99.32")]),
    ("kurchi1205", "Result", R, "model parameters: 7870", [prm("7870")]),
    ("kurchi1205", "Result", R, "receptive field: 28", [unread("the receptive field is printed nowhere (only in model.py)")]),
    # ---------------- sujitojha1/EVA8 Session4
    ("sujitojha1", "Step 1", T, "Create a Setup (dataset, data loader, train/test steps and log plots)", AIM),
    ("sujitojha1", "Step 1", T, "Defining simple model with Convolution block, GAP, dropout and batch normalization.", AIM),
    ("sujitojha1", "Step 1", R, "Parameters: 6,038", [prm("6,038")]),
    ("sujitojha1", "Step 1", R, "Best Train Accuracy 98.84%", [acc("train_acc", "best", "98.84")]),
    ("sujitojha1", "Step 1", R, "Best Test Accuracy 99.25%", [acc("test_acc", "best", "99.25")]),
    ("sujitojha1", "Step 1", A, "Model with 6K parameters is able to reach till 99.25% accuracy in 15 epochs.", [prm("6K", "~"), acc("test_acc", "best", "99.25"), {"q": "epochs", "op": "=", "value": 15}]),
    ("sujitojha1", "Step 1", A, "Model is not overfitting as training and test accuracies are closeby.", [{"q": "overfit", "neg": True}, {"q": "gap", "op": "<=", "value": 0.5}]),
    ("sujitojha1", "Step 2", T, "Add image augmentation w random rotation and random affine to improve the model performance.", AIM),
    ("sujitojha1", "Step 2", R, "Parameters: 6,038", [prm("6,038")]),
    ("sujitojha1", "Step 2", R, "Best Train Accuracy 98.33%", [acc("train_acc", "best", "98.33")]),
    ("sujitojha1", "Step 2", R, "Best Test Accuracy 99.19%", [acc("test_acc", "best", "99.19")]),
    ("sujitojha1", "Step 2", A, "Model with 6K parameters is able to reach till 99.19% accuracy in 15 epochs.", [prm("6K", "~"), acc("test_acc", "best", "99.19"), {"q": "epochs", "op": "=", "value": 15}]),
    ("sujitojha1", "Step 2", A, "Image augmentation doesn't show much improvement.", [{"q": "compare", "of": "test_acc", "fig": "best", "vs": "Step 1", "dir": "same"}]),
    ("sujitojha1", "Step 2", A, "It may be because of presense of dropout which effectively does similar function.", [unread("a guessed cause")]),
    ("sujitojha1", "Step 3", T, "Study effect of including StepLR rate scheduler.", AIM),
    ("sujitojha1", "Step 3", T, "Increase model capacity by increasing number of convolution layer.", AIM),
    ("sujitojha1", "Step 3", T, "Optimize the learning rate and drop out value", AIM),
    ("sujitojha1", "Step 3", R, "Parameters: 7,416", [prm("7,416")]),
    ("sujitojha1", "Step 3", R, "Best Train Accuracy 99.03%", [acc("train_acc", "best", "99.03")]),
    ("sujitojha1", "Step 3", R, "Best Test Accuracy 99.40%", [acc("test_acc", "best", "99.40")]),
    ("sujitojha1", "Step 3", A, "Model with 7.4K parameters is cross 99.40% accuracy in 15 epochs.", [prm("7.4K", "~"), {"q": "reach", "of": "test_acc", "value": 99.4, "epoch": 15, "mode": "by"}]),
    ("sujitojha1", "Step 3", A, "Model meets all the requirement of model size, accuracy and epoch.", [prm("8000", "<"), {"q": "epochs", "op": "<=", "value": 15}, {"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "k": 3}]),
    ("sujitojha1", "Step 3", A, "Increasing model capacity and LR rate scheduler helps meet the accuracy in 15 epochs", [unread("credit to two changes made together")]),
    # ---------------- janakg/era-s7
    ("janakg", "Training", R, "Run for 20 epochs with LR of 0.01 and Batch size of 512", [{"q": "epochs", "op": "=", "value": 20}, {"q": "lr", "value": 0.01, "at": "start"}, {"q": "batches", "batch_size": 512}]),
    # ---------------- vivek-a81/EVA6 Session5 (a table: one sentence per cell)
    ("vivek-a81", "Model4_best_modelLR", R, "Parameters 7.4k", [prm("7.4k", "~")]),
    ("vivek-a81", "Model4_best_modelLR", R, "Best Training Acc 99.24", [acc("train_acc", "best", "99.24")]),
    ("vivek-a81", "Model4_best_modelLR", R, "Best Training Loss 0.00553", [acc("train_loss", "best", "0.00553")]),
    ("vivek-a81", "Model4_best_modelLR", R, "Best Test Acc 99.56%", [acc("test_acc", "best", "99.56")]),
    ("vivek-a81", "Model4_best_modelLR", R, "Best Test Loss 0.0168", [acc("test_loss", "best", "0.0168")]),
    ("vivek-a81", "Model4_best_modelLR", A, "We tried different learning rate schedulers like ReduceLRPlatue which did not work ... StepLR also did not work", [unread("runs not handed in: only one schedule's log is printed")]),
    ("vivek-a81", "Model4_best_modelLR", A, "So, we have used OneCycleLR which updates learning rate throughout the epoch with every single batch is passed", [unread("the learning rate is not printed")]),
    ("vivek-a81", "Model3_augmentation", R, "Parameters 7.4k", [prm("7.4k", "~")]),
    ("vivek-a81", "Model3_augmentation", R, "Best Training Acc 99.00", [acc("train_acc", "best", "99.00")]),
    ("vivek-a81", "Model3_augmentation", R, "Best Training Loss 0.01188", [acc("train_loss", "best", "0.01188")]),
    ("vivek-a81", "Model3_augmentation", R, "Best Test Acc 99.34", [acc("test_acc", "best", "99.34")]),
    ("vivek-a81", "Model3_augmentation", R, "Best Test Loss 0.0213", [acc("test_loss", "best", "0.0213")]),
    ("vivek-a81", "Model3_augmentation", A, "There were some examples in testing data on which model was not able to give correct prediction", [acc("test_acc", "best", "100", op="<")]),
    ("vivek-a81", "Model3_augmentation", A, "adding data augmentation helps to modifies the training samples, which increse the performance of model while training, we can see it as the jump in training accuracy", [{"q": "compare", "of": "train_acc", "fig": "best", "vs": "Model2_bn_dropout", "dir": "up"}]),
    ("vivek-a81", "Model3_augmentation", A, "and also the model is able to predict the testing data better compare with last model.", [{"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model2_bn_dropout", "dir": "up"}]),
    ("vivek-a81", "Model2_bn_dropout", R, "Parameters 7.4k", [prm("7.4k", "~")]),
    ("vivek-a81", "Model2_bn_dropout", R, "Best Training Acc 98.58", [acc("train_acc", "best", "98.58")]),
    ("vivek-a81", "Model2_bn_dropout", R, "Best Training Loss 0.01337", [acc("train_loss", "best", "0.01337")]),
    ("vivek-a81", "Model2_bn_dropout", R, "Best Test Acc 99.28", [acc("test_acc", "best", "99.28")]),
    ("vivek-a81", "Model2_bn_dropout", R, "Best Test Loss 0.0230", [acc("test_loss", "best", "0.0230")]),
    ("vivek-a81", "Model2_bn_dropout", A, "The model is pushed future by applying the batchnormalization.", [{"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model1_Basic_Skeleton", "dir": "up"}, {"q": "layer", "type": "BatchNorm2d"}]),
    ("vivek-a81", "Model2_bn_dropout", A, "Dropout made the training harder by dropping the neurons", [{"q": "layer", "type": "Dropout"}, {"q": "underfit"}, unread("a cause")]),
    ("vivek-a81", "Model1_Basic_Skeleton", R, "Parameters 7.3k", [prm("7.3k", "~")]),
    ("vivek-a81", "Model1_Basic_Skeleton", R, "Best Training Acc 98.58", [acc("train_acc", "best", "98.58")]),
    ("vivek-a81", "Model1_Basic_Skeleton", R, "Best Training Loss 0.01337", [acc("train_loss", "best", "0.01337")]),
    ("vivek-a81", "Model1_Basic_Skeleton", R, "Best Test Acc 98.66", [acc("test_acc", "best", "98.66")]),
    ("vivek-a81", "Model1_Basic_Skeleton", R, "Best Test Loss 0.0464", [acc("test_loss", "best", "0.0464")]),
    ("vivek-a81", "Model1_Basic_Skeleton", A, "Design model architeture of less than 8000 parameters", [prm("8000", "<")]),
    ("vivek-a81", "Model1_Basic_Skeleton", A, "The accuracy was very well with such less number of parameters", [unread("'very well' is an opinion")]),
    ("vivek-a81", "Model1_Basic_Skeleton", A, "the training accuracy batch normalization and dropout can push the performance", "plan"),
    # ---------------- nagalakshmi-nimmagadda/MNIST-CNN-COLAB
    ("nagalakshmi", "Project Overview", G, "achieving >99.4% accuracy with less than 8000 parameters in <=15 epochs.", [acc("test_acc", "best", "99.4", op=">"), prm("8000", "<"), {"q": "epochs", "op": "<=", "value": 15}]),
    ("nagalakshmi", "Project Overview", G, "Accuracy badge: 99.54%", [acc("test_acc", "best", "99.54")]),
    ("nagalakshmi", "Model 1", T, "Establish baseline performance with minimal parameters", AIM),
    ("nagalakshmi", "Model 1", T, "Implement basic CNN structure with GAP", AIM),
    ("nagalakshmi", "Model 1", T, "Target accuracy: 96%", aim({"q": "reach", "of": "test_acc", "value": 96})),
    ("nagalakshmi", "Model 1", R, "Parameters: 1,674", [prm("1,674")]),
    ("nagalakshmi", "Model 1", R, "Best Training Accuracy: 95.94%", [acc("train_acc", "best", "95.94")]),
    ("nagalakshmi", "Model 1", R, "Best Test Accuracy: 96.58% (Epoch 13)", [acc("test_acc", "best", "96.58", epoch=13)]),
    ("nagalakshmi", "Model 1", R, "Epochs to reach target: 13", [{"q": "reach", "of": "test_acc", "value": 96, "epoch": 13, "mode": "at"}]),
    ("nagalakshmi", "Model 1", A, "Successfully established lightweight architecture", [unread("an opinion")]),
    ("nagalakshmi", "Model 1", A, "Good parameter efficiency with basic feature extraction", [unread("an opinion")]),
    ("nagalakshmi", "Model 1", A, "GAP implementation helped reduce parameters", [{"q": "layer", "type": "AvgPool"}, unread("a cause")]),
    ("nagalakshmi", "Model 1", A, "GAP eliminated need for dense layers", [{"q": "layer", "type": "AvgPool"}, {"q": "layer", "type": "Linear", "neg": True}]),
    ("nagalakshmi", "Model 1", A, "Simple architecture achieved 96.58% accuracy", [acc("test_acc", "best", "96.58")]),
    ("nagalakshmi", "Model 1", A, "Limited parameter count: 7,432", [prm("7,432")]),
    ("nagalakshmi", "Model 1", A, "Showed signs of underfitting, indicating room for optimization", [{"q": "underfit"}]),
    ("nagalakshmi", "Model 2", T, "Optimize model capacity while maintaining parameter budget", AIM),
    ("nagalakshmi", "Model 2", T, "Implement batch normalization and efficient blocks", AIM),
    ("nagalakshmi", "Model 2", T, "Target accuracy: 98.5%", aim({"q": "reach", "of": "test_acc", "value": 98.5})),
    ("nagalakshmi", "Model 2", R, "Parameters: 5,208", [prm("5,208")]),
    ("nagalakshmi", "Model 2", R, "Best Training Accuracy: 99.02%", [acc("train_acc", "best", "99.02")]),
    ("nagalakshmi", "Model 2", R, "Best Test Accuracy: 98.91% (Epoch 12)", [acc("test_acc", "best", "98.91", epoch=12)]),
    ("nagalakshmi", "Model 2", R, "Epochs to reach target: 6", [{"q": "reach", "of": "test_acc", "value": 98.5, "epoch": 6, "mode": "at"}]),
    ("nagalakshmi", "Model 2", A, "Significant improvement in accuracy with minimal parameter increase", [{"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model 1", "dir": "up"}, {"q": "compare", "of": "params", "fig": "params", "vs": "Model 1", "dir": "up"}]),
    ("nagalakshmi", "Model 2", A, "Batch normalization greatly improved training stability", [{"q": "layer", "type": "BatchNorm2d"}, unread("'stability' is not measured; a cause")]),
    ("nagalakshmi", "Model 2", A, "Better feature extraction through structured blocks", [unread("'feature extraction' is not measured")]),
    ("nagalakshmi", "Model 2", A, "Batch normalization after each convolution", [{"q": "layer", "type": "BatchNorm2d", "each_conv": True}]),
    ("nagalakshmi", "Model 2", A, "Channel compression reduced parameters", [unread("a cause")]),
    ("nagalakshmi", "Model 2", A, "Better accuracy (98.91%) with minimal parameter increase", [acc("test_acc", "best", "98.91"), {"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model 1", "dir": "up"}]),
    ("nagalakshmi", "Model 3", T, "Achieve consistent 99.4%+ accuracy", aim({"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "k": 3})),
    ("nagalakshmi", "Model 3", T, "Implement advanced training techniques", AIM),
    ("nagalakshmi", "Model 3", T, "Optimize model dynamics", AIM),
    ("nagalakshmi", "Model 3", R, "Parameters: 6,188", [prm("6,188")]),
    ("nagalakshmi", "Model 3", R, "Best Training Accuracy: 99.40%", [acc("train_acc", "best", "99.40")]),
    ("nagalakshmi", "Model 3", R, "Best Test Accuracy: 99.54% (Epoch 12)", [acc("test_acc", "best", "99.54", epoch=12)]),
    ("nagalakshmi", "Model 3", R, "Consistent >99.4% accuracy from Epoch 11-15", [{"q": "hold", "of": "test_acc", "op": ">", "value": 99.4, "from": 11, "to": 15}]),
    ("nagalakshmi", "Model 3", A, "Successfully achieved target accuracy", [{"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "k": 3}]),
    ("nagalakshmi", "Model 3", A, "OneCycleLR scheduler proved crucial for optimization", [unread("a cause; no run without it")]),
    ("nagalakshmi", "Model 3", A, "Image augmentation helped in generalization", [unread("a cause; no run without it")]),
    ("nagalakshmi", "Model 3", A, "Consistent >99.4% accuracy", [{"q": "hold", "of": "test_acc", "op": ">", "value": 99.4, "k": 3}]),
    ("nagalakshmi", "Model 3", A, "Efficient parameter usage (7,984)", [prm("7,984")]),
    ("nagalakshmi", "Model 3", A, "Better generalization through regularization", [unread("a cause")]),
    ("nagalakshmi", "Model 3", A, "Robust against overfitting", [{"q": "overfit", "neg": True}]),
    ("nagalakshmi", "Model 3", A, "Parameter Efficiency: Gradual increase with significant accuracy gains", [{"q": "compare", "of": "params", "fig": "params", "vs": "Model 2", "dir": "up"}, {"q": "compare", "of": "params", "fig": "params", "vs": "Model 1", "dir": "up", "step": "Model 2"}, {"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model 2", "dir": "up"}, {"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model 1", "dir": "up", "step": "Model 2"}]),
    ("nagalakshmi", "Model 3", A, "Accuracy Progression: Consistent improvement while maintaining parameter efficiency", [{"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model 2", "dir": "up"}, {"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model 1", "dir": "up", "step": "Model 2"}]),
    ("nagalakshmi", "Model 3", A, "Optimization: Adam optimizer with weight decay; OneCycleLR scheduler", [unread("optimizer and scheduler are not printed")]),
    ("nagalakshmi", "Model 3", A, "Accuracy Progression: Model 1: 96.58%, Model 2: 98.91%, Model 3: 99.54%", [acc("test_acc", "best", "99.54"), acc("test_acc", "best", "98.91", step="Model 2"), acc("test_acc", "best", "96.58", step="Model 1")]),
    # ---------------- The-School-of-AI/era-s7-ram
    ("ram", "Target Selection", G, "Our analysis focused on achieving 99.4% test accuracy on MNIST with under 8.9k parameters", aim({"q": "reach", "of": "test_acc", "value": 99.4}, prm("8900", "<"))),
    ("ram", "Target Selection", G, "Analyzed that 99.4% represents strong performance while avoiding overfitting", [unread("a judgement")]),
    ("ram", "Target Selection", G, "Reviewed literature showing diminishing returns beyond this accuracy level", [unread("literature, not a log")]),
    ("ram", "Target Selection", G, "Considered that higher accuracy would likely require >10k parameters", [unread("a belief, no run of >10k printed")]),
    ("ram", "Step 1", T, "Establish baseline model with proper regularization", AIM),
    ("ram", "Step 1", R, "98.65% test accuracy achieved", [acc("test_acc", "best", "98.65")]),
    ("ram", "Step 1", A, "Batch normalization after each convolution layer", [{"q": "layer", "type": "BatchNorm2d", "each_conv": True}]),
    ("ram", "Step 1", A, "Dropout layers to prevent overfitting", [{"q": "layer", "type": "Dropout"}]),
    ("ram", "Step 1", A, "Basic architecture with ~8k parameters", [prm("8k", "~")]),
    ("ram", "Step 2", T, "Improve model capacity while staying under parameter budget", AIM),
    ("ram", "Step 2", R, "99.16% test accuracy achieved", [acc("test_acc", "best", "99.16")]),
    ("ram", "Step 2", A, "Adding residual connections", [unread("a skip connection is not visible in torchsummary")]),
    ("ram", "Step 2", A, "Optimizing kernel sizes and channels", [unread("a change in code")]),
    ("ram", "Step 2", A, "Maintaining ~8.9k parameters through efficient design", [prm("8.9k", "~")]),
    ("ram", "Step 3", T, "Reach 99.4%+ accuracy through data augmentation", aim({"q": "reach", "of": "test_acc", "value": 99.4})),
    ("ram", "Step 3", R, "99.5% test accuracy achieved at epoch 15", [acc("test_acc", 15, "99.5")]),
    ("ram", "Step 3", A, "Random rotation augmentation (22-45 degrees)", [unread("a setting only in code")]),
    ("ram", "Step 3", A, "Learning rate optimization", [unread("the learning rate is not printed")]),
    ("ram", "Step 3", A, "GAP layer followed by 1x1 convolution", [{"q": "layer", "type": "AvgPool", "then": "Conv2d"}]),
    ("ram", "Conclusion", G, "We successfully achieved our target through systematic optimization", [{"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "k": 3}]),
    ("ram", "Conclusion", G, "Final accuracy of 99.5% exceeds target while using only 8.9k parameters", [acc("test_acc", "final", "99.5"), prm("8.9k", "~")]),
    ("ram", "Conclusion", G, "Model shows good generalization with minimal gap between train/test accuracy", [{"q": "gap", "op": "<=", "value": 0.5}]),
    ("ram", "Conclusion", G, "Architecture demonstrates efficient use of parameters through proper regularization and augmentation", [unread("an opinion")]),
    ("ram", "Conclusion", G, "Future recommendations: Explore additional augmentation techniques", "plan"),
    ("ram", "Conclusion", G, "Future recommendations: Investigate alternative architectures within parameter budget", "plan"),
    ("ram", "Conclusion", G, "Future recommendations: Consider knowledge distillation approaches", "plan"),
    # ---------------- pathToAIbyK/ERA-V1-S7
    ("pathtoaibyk", "Code-1", T, "Get the set-up right; Set Transforms; Set Data Loader; Set Basic Working Code; Set Basic Training & Test Loop", AIM),
    ("pathtoaibyk", "Code-1", R, "Parameters: 2,314", [prm("2,314")]),
    ("pathtoaibyk", "Code-1", R, "Best Training Accuracy: 11.24", [acc("train_acc", "best", "11.24")]),
    ("pathtoaibyk", "Code-1", R, "Best Test Accuracy: 11.35", [acc("test_acc", "best", "11.35")]),
    ("pathtoaibyk", "Code-1", A, "Very bad model", [acc("test_acc", "best", "50", op="<")]),
    ("pathtoaibyk", "Code-1", A, "Model is not learning and jsut mimicing!", [acc("test_acc", "best", "20", op="<")]),
    ("pathtoaibyk", "Code-2", T, "Get the Skeleton right", AIM),
    ("pathtoaibyk", "Code-2", T, "Increase the number of parameters but < 8000", aim({"q": "compare", "of": "params", "fig": "params", "vs": "Code-1", "dir": "up"}, prm("8000", "<"))),
    ("pathtoaibyk", "Code-2", T, "Introduce Squeeze and expand of channels", AIM),
    ("pathtoaibyk", "Code-2", R, "Parameters: 6050", [prm("6050")]),
    ("pathtoaibyk", "Code-2", R, "Best Training Accuracy: 99.11 (15th Epooch)", [acc("train_acc", "best", "99.11", epoch=15)]),
    ("pathtoaibyk", "Code-2", R, "Best Test Accuracy: 99.04 (14th Epooch)", [acc("test_acc", "best", "99.04", epoch=14)]),
    ("pathtoaibyk", "Code-2", A, "Good model! the difference between train and test is very less", [{"q": "gap", "op": "<=", "value": 0.2}]),
    ("pathtoaibyk", "Code-2", A, "The model is underfitting", [{"q": "underfit"}]),
    # ---------------- Navyabhat03/ERA-V1-Session-7
    ("navyabhat03", "Model1", T, "Reducing the total parameter count.", AIM),
    ("navyabhat03", "Model1", R, "Parameters: 4,312", [prm("4,312")]),
    ("navyabhat03", "Model1", R, "Best Train Accuracy: 88.88 (15th Epoch)", [acc("train_acc", "best", "88.88", epoch=15)]),
    ("navyabhat03", "Model1", R, "Best Test Accuracy: 98.53 (15th Epoch)", [acc("test_acc", "best", "98.53", epoch=15)]),
    ("navyabhat03", "Model1", A, "I have tried using learning rate 0.01", [unread("the rate is not printed")]),
    ("navyabhat03", "Model1", A, "I used StepLR scheduler.", [unread("the scheduler is not printed")]),
    ("navyabhat03", "Model2", T, "Reducing the total parameter count and increasing test accuracy.", aim({"q": "compare", "of": "params", "fig": "params", "vs": "Model1", "dir": "down"}, {"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model1", "dir": "up"})),
    ("navyabhat03", "Model2", R, "Parameters: 7,524", [prm("7,524")]),
    ("navyabhat03", "Model2", R, "Best Train Accuracy: 99.50 (15th Epoch)", [acc("train_acc", "best", "99.50", epoch=15)]),
    ("navyabhat03", "Model2", R, "Best Test Accuracy: 99.11 (11th Epoch)", [acc("test_acc", "best", "99.11", epoch=11)]),
    ("navyabhat03", "Model2", A, "I have tried using learning rate 0.01", [unread("the rate is not printed")]),
    ("navyabhat03", "Model2", A, "I used StepLR scheduler.", [unread("the scheduler is not printed")]),
    ("navyabhat03", "Model2", A, "I changed convolution blocks and transition blocks.", [unread("a change in code")]),
    ("navyabhat03", "Model3", T, "Reducing the total parameter count and increasing test accuracy.", aim({"q": "compare", "of": "params", "fig": "params", "vs": "Model2", "dir": "down"}, {"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model2", "dir": "up"})),
    ("navyabhat03", "Model3", R, "Parameters: 7,524", [prm("7,524")]),
    ("navyabhat03", "Model3", R, "Best Train Accuracy: 99.50 (15th Epoch)", [acc("train_acc", "best", "99.50", epoch=15)]),
    ("navyabhat03", "Model3", R, "Best Test Accuracy: 99.28 (14th Epoch)", [acc("test_acc", "best", "99.28", epoch=14)]),
    ("navyabhat03", "Model3", A, "I have tried using learning rate 0.01", [unread("the rate is not printed")]),
    ("navyabhat03", "Model3", A, "I used ReduceLROnPlateau scheduler.", [unread("the scheduler is not printed")]),
    ("navyabhat03", "Model3", A, "I changed convolution blocks and transition blocks.", [unread("a change in code")]),
    # ---------------- TharunSivamani/ERA-V1 Session 7
    ("tharunsivamani", "Model 1", T, "Get the set-up right; Set Transforms; Set Data Loader; Set Basic Working Code; Set Basic Training & Test Loop", AIM),
    ("tharunsivamani", "Model 1", R, "Parameters : 6.3M", [prm("6.3M", "~")]),
    ("tharunsivamani", "Model 1", R, "Best Training Accuracy : 99.92", [acc("train_acc", "best", "99.92")]),
    ("tharunsivamani", "Model 1", R, "Best Test Accuracy : 99.30", [acc("test_acc", "best", "99.30")]),
    ("tharunsivamani", "Model 1", A, "Extremely Heavy Model for such a problem", [prm("8k", ">")]),
    ("tharunsivamani", "Model 1", A, "Model is over-fitting", [{"q": "overfit"}]),
    ("tharunsivamani", "Model 2", T, "Try to Get the basic skeleton right.", AIM),
    ("tharunsivamani", "Model 2", R, "Parameters : 7,272", [prm("7,272")]),
    ("tharunsivamani", "Model 2", R, "Best Train Accuracy : 97.35", [acc("train_acc", "best", "97.35")]),
    ("tharunsivamani", "Model 2", R, "Best Test Accuracy : 97.93", [acc("test_acc", "best", "97.93")]),
    ("tharunsivamani", "Model 2", A, "We see some over-fitting", [{"q": "overfit", "degree": "slight"}]),
    ("tharunsivamani", "Model 2", A, "The model is still around 7.2K parameters , but working fine", [prm("7.2K", "about")]),
    ("tharunsivamani", "Model 2", A, "next step is either to increase capacity or add regularisation and maybe Batch-Normalisation.", "plan"),
    ("tharunsivamani", "Model 3", T, "Add Batch-norm to increase model efficiency.", AIM),
    ("tharunsivamani", "Model 3", R, "Parameters : 7,448", [prm("7,448")]),
    ("tharunsivamani", "Model 3", R, "Best Train Accuracy : 99.51", [acc("train_acc", "best", "99.51")]),
    ("tharunsivamani", "Model 3", R, "Best Test Accuracy : 99.30", [acc("test_acc", "best", "99.30")]),
    ("tharunsivamani", "Model 3", A, "We have started to see over-fitting now.", [{"q": "overfit"}]),
    ("tharunsivamani", "Model 3", A, "Even if the model is pushed further, it won't be able to get to 99.30", [unread("a forecast beyond the run")]),
    ("tharunsivamani", "Model 4", T, "Add Regularization, Dropout", AIM),
    ("tharunsivamani", "Model 4", R, "Parameters : 7,448", [prm("7,448")]),
    ("tharunsivamani", "Model 4", R, "Best Train Accuracy : 98.78", [acc("train_acc", "best", "98.78")]),
    ("tharunsivamani", "Model 4", R, "Best Test Accuracy : 99.01", [acc("test_acc", "best", "99.01")]),
    ("tharunsivamani", "Model 4", A, "Model can be pushed to learn in more epochs", [unread("a forecast beyond the run")]),
    ("tharunsivamani", "Model 4", A, "Model is slightly underfitting and not overfitting as training and test accuracies are closeby.", [{"q": "underfit"}, {"q": "overfit", "neg": True}, {"q": "gap", "op": "<=", "value": 0.5}]),
    ("tharunsivamani", "Model 5", T, "Add image augmentation with Random Rotation and Fill to improve the model performance.", AIM),
    ("tharunsivamani", "Model 5", R, "Parameters : 7,448", [prm("7,448")]),
    ("tharunsivamani", "Model 5", R, "Best Train Accuracy : 98.61", [acc("train_acc", "best", "98.61")]),
    ("tharunsivamani", "Model 5", R, "Best Test Accuracy : 99.07", [acc("test_acc", "best", "99.07")]),
    ("tharunsivamani", "Model 5", A, "Model with 7K parameters is able to reach till 99.07% accuracy in 15 epochs.", [prm("7K", "~"), acc("test_acc", "best", "99.07"), {"q": "epochs", "op": "=", "value": 15}]),
    ("tharunsivamani", "Model 5", A, "Image augmentation doesn't seem to show much improvement.", [{"q": "compare", "of": "test_acc", "fig": "best", "vs": "Model 4", "dir": "same"}]),
    ("tharunsivamani", "Model 5", A, "It may be because of presense of dropout which effectively does similar function.", [unread("a guessed cause")]),
    ("tharunsivamani", "Model 6", T, "Study effect of including StepLR rate scheduler.", AIM),
    ("tharunsivamani", "Model 6", R, "Parameters : 7,416", [prm("7,416")]),
    ("tharunsivamani", "Model 6", R, "Best Train Accuracy : 98.93", [acc("train_acc", "best", "98.93")]),
    ("tharunsivamani", "Model 6", R, "Best Test Accuracy : 99.45", [acc("test_acc", "best", "99.45")]),
    ("tharunsivamani", "Model 6", A, "Finding a good LR schedule is hard.", [unread("an opinion")]),
    ("tharunsivamani", "Model 6", A, "Model with 7.4K parameters is cross 99.45% accuracy in 15 epochs.", [prm("7.4K", "~"), {"q": "reach", "of": "test_acc", "value": 99.45, "epoch": 15, "mode": "by"}]),
    ("tharunsivamani", "Model 6", A, "Model meets all the requirement of model size, accuracy and epoch.", [prm("8000", "<"), {"q": "epochs", "op": "<=", "value": 15}, {"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "k": 3}]),
    # ---------------- gupta1912/ERA-V1-Assignments S7
    ("gupta1912", "Intro", G, "The objective was to get more than 99.4% accuracy in test/dev set ... less than 8,000 parameters and must achieve this in 15 epochs.", aim({"q": "hold", "of": "test_acc", "op": ">", "value": 99.4, "k": 3}, prm("8000", "<"), {"q": "epochs", "op": "<=", "value": 15})),
    ("gupta1912", "Result", R, "Got more than 99.40% accuracy on test set at epoch 12 and epoch 15 in last notebook.", [acc("test_acc", 12, "99.40", op=">"), acc("test_acc", 15, "99.40", op=">")]),
    ("gupta1912", "Result", R, "Total number of parameters in the model are 7,984.", [prm("7,984")]),
    # ---------------- ojhajayant/EVA8 session_5 (three runs in one notebook)
    ("ojhajayant", "group-Norm", R, "Best saved Model (MNIST_model_epoch-20_L1-0_group-Norm_val_acc-99.41) with Group Normalization alone", [acc("test_acc", "best", "99.41", epoch=20)]),
    ("ojhajayant", "layer-Norm", R, "Best saved Model (MNIST_model_epoch-18_L1-0_layer-Norm_val_acc-99.37) with Layer Normalization alone", [acc("test_acc", "best", "99.37", epoch=18)]),
    ("ojhajayant", "batch-Norm + L1", R, "Best saved Model (MNIST_model_epoch-19_L1-1_batch-Norm_val_acc-99.47) with Batch Normalization & L1", [acc("test_acc", "best", "99.47", epoch=19)]),
    ("ojhajayant", "layer-Norm", A, "the parameters under Layer Normaliztion option shot up to 53,670 unlike the Group & Batch normalization options (7,684 each)", [prm("53,670"), {"q": "params", "op": "=", "value": "7,684", "step": "group-Norm"}, {"q": "params", "op": "=", "value": "7,684", "step": "batch-Norm + L1"}]),
    ("ojhajayant", "batch-Norm + L1", A, "The logs and accuracy plot comparisons put the L1+BN option as best one(~99.47%) as compared to the other two, while the one with Layer norm fared worst (~99.37%) among these.", [acc("test_acc", "best", "99.47"), acc("test_acc", "best", "99.37", step="layer-Norm"), {"q": "rank", "of": "test_acc", "fig": "best", "steps": ["batch-Norm + L1", "group-Norm", "layer-Norm"], "order": "desc"}]),
    # ---------------- shrey131195/ERAV1 S7
    ("shrey131195", "Model 1", T, "Achieve accuracy with 194k parameters", aim(prm("194k", "~"))),
    ("shrey131195", "Model 1", T, "Get the basic skeleton", AIM),
    ("shrey131195", "Model 1", R, "Parameters: 194,884", [prm("194,884")]),
    ("shrey131195", "Model 1", R, "Best Train Accuracy: 98.38", [acc("train_acc", "best", "98.38")]),
    ("shrey131195", "Model 1", R, "Best Test Accuracy: 98.79 (14th Epoch)", [acc("test_acc", "best", "98.79", epoch=14)]),
    ("shrey131195", "Model 1", A, "Dropout overcomes overfitting", [{"q": "layer", "type": "Dropout"}, {"q": "overfit", "neg": True}, unread("a cause; no run without dropout")]),
    ("shrey131195", "Model 2", T, "Add Data Augmentation", AIM),
    ("shrey131195", "Model 2", T, "Added Dropout and BN", AIM),
    ("shrey131195", "Model 2", T, "Make model lighter", aim({"q": "compare", "of": "params", "fig": "params", "vs": "Model 1", "dir": "down"})),
    ("shrey131195", "Model 2", R, "Parameters: 13,808", [prm("13,808")]),
    ("shrey131195", "Model 2", R, "Best Train Accuracy: 99.22", [acc("train_acc", "best", "99.22")]),
    ("shrey131195", "Model 2", R, "Best Test Accuracy: 99.50 (13th Epoch)", [acc("test_acc", "best", "99.50", epoch=13)]),
    ("shrey131195", "Model 2", A, "Decreasing the number of channels makes model lightweight", [{"q": "compare", "of": "params", "fig": "params", "vs": "Model 1", "dir": "down"}, unread("the channels are a cause read from code")]),
    ("shrey131195", "Model 2", A, "Adding Data Augmentation helps overcome over fitting.", [{"q": "overfit", "neg": True}, unread("a cause; no run without augmentation")]),
    ("shrey131195", "Model 3", T, "Add StepLR", AIM),
    ("shrey131195", "Model 3", T, "Make model lighter", aim({"q": "compare", "of": "params", "fig": "params", "vs": "Model 2", "dir": "down"})),
    ("shrey131195", "Model 3", R, "Parameters: 6,768", [prm("6,768")]),
    ("shrey131195", "Model 3", R, "Best Train Accuracy: 98.79", [acc("train_acc", "best", "98.79")]),
    ("shrey131195", "Model 3", R, "Best Test Accuracy: 99.45 (14th Epoch)", [acc("test_acc", "best", "99.45", epoch=14)]),
    ("shrey131195", "Model 3", A, "Consistent 99.4%+ accuracy", [{"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "k": 3}]),
    ("shrey131195", "Model 3", A, "Decreasing the number of channels and increasing the layers seems to be good way to make model lighter", [unread("an opinion")]),
    ("shrey131195", "Model 3", A, "Having stepLR with step size 10 to adjust learning rate to 0.09 helps in learning.", [unread("the learning rate is not printed")]),
    # ---------------- ankode/ERAV1 Session7
    ("ankode", "Model 1", T, "Achieve accuray with 12k parameters", aim(prm("12k", "~"))),
    ("ankode", "Model 1", T, "Added Dropout", AIM),
    ("ankode", "Model 1", R, "Parameters: 12,672", [prm("12,672")]),
    ("ankode", "Model 1", R, "Best Train Accuracy: 99.34", [acc("train_acc", "best", "99.34")]),
    ("ankode", "Model 1", R, "Best Test Accuracy: 99.36 (11th Epoch)", [acc("test_acc", "best", "99.36", epoch=11)]),
    ("ankode", "Model 1", A, "Dropout overcomes overfitting", [{"q": "layer", "type": "Dropout"}, {"q": "overfit", "neg": True}, unread("a cause; no run without dropout")]),
    ("ankode", "Model 2", T, "Add Data Augmentation", AIM),
    ("ankode", "Model 2", T, "Make model lighter", aim({"q": "compare", "of": "params", "fig": "params", "vs": "Model 1", "dir": "down"})),
    ("ankode", "Model 2", R, "Parameters: 8,896", [prm("8,896")]),
    ("ankode", "Model 2", R, "Best Train Accuracy: 98.70", [acc("train_acc", "best", "98.70")]),
    ("ankode", "Model 2", R, "Best Test Accuracy: 99.20 (9th Epoch)", [acc("test_acc", "best", "99.20", epoch=9)]),
    ("ankode", "Model 2", A, "Decreasing the number of channels makes model lightweight", [{"q": "compare", "of": "params", "fig": "params", "vs": "Model 1", "dir": "down"}, unread("the channels are a cause read from code")]),
    ("ankode", "Model 2", A, "Adding Data Augmentation helps overcome over fitting.", [{"q": "overfit", "neg": True}, unread("a cause; no run without augmentation")]),
    ("ankode", "Model 3", T, "Add StepLR", AIM),
    ("ankode", "Model 3", T, "Make model lighter", aim({"q": "compare", "of": "params", "fig": "params", "vs": "Model 2", "dir": "down"})),
    ("ankode", "Model 3", R, "Parameters: 7,680", [prm("7,680")]),
    ("ankode", "Model 3", R, "Best Train Accuracy: 98.98", [acc("train_acc", "best", "98.98")]),
    ("ankode", "Model 3", R, "Best Test Accuracy: 99.52 (7th Epoch)", [acc("test_acc", "best", "99.52", epoch=7)]),
    ("ankode", "Model 3", A, "Consistent 99.4%+ accuracy with max accuracy 99.52%", [{"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "k": 3}, acc("test_acc", "best", "99.52")]),
    ("ankode", "Model 3", A, "Decreasing the number of channels and increasing the layers seems to be good way to make model lighter", [unread("an opinion")]),
    ("ankode", "Model 3", A, "Having stepLR with step size 5 to adjust learning rate helps in learning.", [unread("the learning rate is not printed")]),
    # ---------------- sushant097/TSAI-ERAv1-Assignments Session7 (steps with an empty README section have no sentence)
    ("sushant097", "First Step - Inital Step", T, "Get the everything setup correctly; Set Transforms, DataLoader; Set Basic Working code; Set simple training and test logic", AIM),
    ("sushant097", "First Step - Inital Step", R, "Total Parameters: > 5 M", [prm("5M", ">")]),
    ("sushant097", "First Step - Inital Step", R, "Best Training Accuracy: 99.67", [acc("train_acc", "best", "99.67")]),
    ("sushant097", "First Step - Inital Step", R, "Best Test Accuracy: 99.17", [acc("test_acc", "best", "99.17")]),
    ("sushant097", "First Step - Inital Step", A, "Heavy model which is over-fitting, which need to addressed in another step.", [prm("8k", ">"), {"q": "overfit"}]),
    ("sushant097", "Basic Model Skeleton", T, "Set Simple Skeleton of Model", AIM),
    ("sushant097", "Basic Model Skeleton", R, "Total Parameters: > 194K", [prm("194K", ">")]),
    ("sushant097", "Basic Model Skeleton", R, "Best Training Accuracy: 98.81", [acc("train_acc", "best", "98.81")]),
    ("sushant097", "Basic Model Skeleton", R, "Best Test Accuracy: 98.47", [acc("test_acc", "best", "98.47")]),
    ("sushant097", "Basic Model Skeleton", A, "Seems overfitting as model is very complex and heavy.", [{"q": "overfit"}, prm("8k", ">")]),
    ("sushant097", "Basic Model Skeleton", A, "Need improvement like lighter model and good accuracy which is next step to work on.", "plan"),
    ("sushant097", "Lighter Model", T, "Make the model lighter", aim({"q": "compare", "of": "params", "fig": "params", "vs": "Basic Model Skeleton", "dir": "down"})),
    ("sushant097", "Lighter Model", R, "Total Parameters: 20.9k", [prm("20.9k", "~")]),
    ("sushant097", "Lighter Model", R, "Best Training Accuracy: 98.78", [acc("train_acc", "best", "98.78")]),
    ("sushant097", "Lighter Model", R, "Best Test Accuracy: 98.72", [acc("test_acc", "best", "98.72")]),
    ("sushant097", "Lighter Model", A, "Good model which is comparitively lighter model.", [{"q": "compare", "of": "params", "fig": "params", "vs": "Basic Model Skeleton", "dir": "down"}]),
    ("sushant097", "Lighter Model", A, "No overfitting.", [{"q": "overfit", "neg": True}]),
    ("sushant097", "GAP", T, "Add the Global Average Pooling", AIM),
    ("sushant097", "GAP", R, "Total Parameters: 9.5k", [prm("9.5k", "~")]),
    ("sushant097", "GAP", R, "Best Training Accuracy: 98.81 (19th Epoch)", [acc("train_acc", "best", "98.81", epoch=19)]),
    ("sushant097", "GAP", R, "Best Test Accuracy: 99.99 (20th Epoch)", [acc("test_acc", "best", "99.99", epoch=20)]),
    ("sushant097", "GAP", A, "GAP not decrease accuracy.", [{"q": "compare", "of": "test_acc", "fig": "best", "vs": "With Dropout", "dir": "down", "neg": True}]),
    ("sushant097", "GAP", A, "We are comparing a 14.4k model with 9k model.", [prm("9k", "~"), {"q": "params", "op": "~", "value": "14.4k", "step": "With Dropout"}]),
    ("sushant097", "GAP", A, "Since we have reduced model capacity, a reduction in performance is expected.", [{"q": "compare", "of": "test_acc", "fig": "best", "vs": "With Dropout", "dir": "down"}, unread("'expected' is a reasoning, not a figure")]),
    # ---------------- deepanshudashora/ERAV1 session7 (a table: Parameters, Best Test Accuracy, Discription)
    ("deepanshudashora", "Module 1", G, "Contains The basic architecture which has less than 8000 parameters just to satisfy the problem statement basic needs", [prm("8000", "<")]),
    ("deepanshudashora", "Module 3", G, "Contains Code with accived target code", [{"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "k": 3}, prm("8000", "<"), {"q": "epochs", "op": "<=", "value": 15}]),
    ("deepanshudashora", "Final Submission", G, "Also future parameters are reduced and accuracy is mantained", [{"q": "compare", "of": "params", "fig": "params", "vs": "Data Augmentation", "dir": "down"}, {"q": "compare", "of": "test_acc", "fig": "best", "vs": "Data Augmentation", "dir": "same"}]),
    ("deepanshudashora", "Basic Architecture", R, "Parameters 7,964", [prm("7,964")]),
    ("deepanshudashora", "Basic Architecture", R, "Best Test Accuracy 99.25%", [acc("test_acc", "best", "99.25")]),
    ("deepanshudashora", "Basic Architecture", A, "The Base target is to make a architecture which has less than 8000 parameters, In this stage we do not consider any points for accuracy", aim(prm("8000", "<"))),
    ("deepanshudashora", "Basic Architecture", A, "Batch Normalization is alredy done since we know we need to introduce it furture.", [{"q": "layer", "type": "BatchNorm2d"}]),
    ("deepanshudashora", "Dropout Introduced", R, "Parameters 7,964", [prm("7,964")]),
    ("deepanshudashora", "Dropout Introduced", R, "Best Test Accuracy 99.29%", [acc("test_acc", "best", "99.29")]),
    ("deepanshudashora", "Dropout Introduced", A, "Since the model is overfitting, it's time to introduce dropout", [{"q": "overfit", "step": "Basic Architecture"}]),
    ("deepanshudashora", "Dropout Introduced", A, "after few experiments, the correct dropout value was found and model was stable", [unread("the other experiments are not handed in; 'stable' is not measured")]),
    ("deepanshudashora", "Transition Block Location", R, "Parameters 7,824", [prm("7,824")]),
    ("deepanshudashora", "Transition Block Location", R, "Best Test Accuracy 99.35%", [acc("test_acc", "best", "99.35")]),
    ("deepanshudashora", "Transition Block Location", A, "Changing the pooling layer location and transition block location helps a lot in learning of network, compare with Module1 architecture", [{"q": "compare", "of": "test_acc", "fig": "best", "vs": "Dropout Introduced", "dir": "up"}, unread("'helps a lot' is a cause")]),
    ("deepanshudashora", "Transition Block Location", A, "this time the maxpooling is used after 5x5 receptive field which changed the game", [unread("the receptive field is not printed")]),
    ("deepanshudashora", "LR Schedulers", R, "Parameters 7,824", [prm("7,824")]),
    ("deepanshudashora", "LR Schedulers", R, "Best Test Accuracy 99.43%", [acc("test_acc", "best", "99.43")]),
    ("deepanshudashora", "LR Schedulers", A, "Majorly two LR schedulers are experimented here, OneCycleLR and StepLR", [unread("the scheduler is not printed")]),
    ("deepanshudashora", "LR Schedulers (StepLR)", A, "stepLr seems to work better in terms of giving accuracy", [{"q": "compare", "of": "test_acc", "fig": "best", "vs": "LR Schedulers (OneCyclePolicy)", "dir": "up"}]),
    ("deepanshudashora", "LR Schedulers", A, "This is where we meet our goal of getting the 99,4% consistantly as well", [{"q": "hold", "of": "test_acc", "op": ">=", "value": 99.4, "k": 3}]),
    ("deepanshudashora", "Data Augmentation", R, "Parameters 7,824", [prm("7,824")]),
    ("deepanshudashora", "Data Augmentation", R, "Best Test Accuracy 99.50%", [acc("test_acc", "best", "99.50")]),
    ("deepanshudashora", "Data Augmentation", A, "The Limits are pushed furture and data augmentation is added, This lead to the best testing accuracy of this experiment", [{"q": "best_of", "of": "test_acc", "fig": "best", "steps": ["Basic Architecture", "Dropout Introduced", "Transition Block Location", "LR Schedulers (StepLR)", "LR Schedulers (OneCyclePolicy)", "Final Submission"]}]),
    ("deepanshudashora", "Final Submission", R, "Parameters 6,084", [prm("6,084")]),
    ("deepanshudashora", "Final Submission", R, "Best Test Accuracy 99.45%", [acc("test_acc", "best", "99.45")]),
    ("deepanshudashora", "Final Submission", A, "Since model parameters are so close to 8000, time to reduce them even more, and it was successful", [{"q": "compare", "of": "params", "fig": "params", "vs": "Data Augmentation", "dir": "down"}]),
    ("deepanshudashora", "Final Submission", A, "finally 99.45 is achived", [acc("test_acc", "best", "99.45")]),
    ("deepanshudashora", "Final Submission", R, "Accuracy Report for Each class: 0 99 %, 1 99 %, 2 98 %, 3 99 %, 4 100 %, 5 100 %, 6 100 %, 7 99 %, 8 100 %, 9 100 %", [{"q": "class_acc", "values": {"0": 99, "1": 99, "2": 98, "3": 99, "4": 100, "5": 100, "6": 100, "7": 99, "8": 100, "9": 100}}]),
]

# ---------------------------------------------------------------------------------------------------------------
# reading the notebooks

RE_PARAMS = re.compile(r"Total params: ([\d,]+)")
RE_LAYER = re.compile(r"^\s*([A-Za-z0-9]+)-\d+\s+\[")
RE_EPOCH = re.compile(r"\b(?:EPOCH|Epoch)\s*:?\s*(\d+)\s*$")
RE_BAR = re.compile(r"(?=.*\bLoss=(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?))(?=.*Batch_id=\d+)(?=.*Accuracy=([\d.]+\d)).*?(\d+)/(\d+) \[")
RE_TRAIN2 = re.compile(r"Training - Loss: ([\d.]+), Accuracy: ([\d.]+)%")
RE_TEST = re.compile(r"Test set: Average loss: ([\d.]+), Accuracy: (\d+)/(\d+) \(([\d.]+)%\)")
RE_CLASS = re.compile(r"Accuracy of (\d) - \w+ : (\d+) %")
RE_LR_BAR = re.compile(r"LR: \[(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\]")
RE_LR_ADJ = re.compile(r"Adjusting learning rate of group 0 to (\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)")


def notebook_text(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    out = []
    for c in nb.get("cells", []):
        if c.get("cell_type") != "code":
            continue
        for o in c.get("outputs", []):
            t = o.get("text")
            if t is None:
                t = o.get("data", {}).get("text/plain", "")
            out.append("".join(t) if isinstance(t, list) else t)
            out.append("\n")
    return "".join(out)


def parse_runs(path):
    """The runs a notebook printed: [{params, layers, epochs: [{label, train_acc, train_loss, test_acc, ...}]}]"""
    runs = []
    run = {"params": None, "layers": [], "epochs": []}
    cur = {}
    pending_lr = None

    def close_epoch():
        nonlocal cur
        if "test_acc" in cur:
            run["epochs"].append(cur)
        cur = {}

    def close_run():
        nonlocal run
        close_epoch()
        if run["epochs"]:
            runs.append(run)
            return True
        return False

    for line in re.split(r"[\r\n]", notebook_text(path)):
        m = RE_PARAMS.search(line)
        if m:
            if run["epochs"]:
                close_run()
                run = {"params": None, "layers": [], "epochs": []}
            elif run["params"] is not None and not run["epochs"]:
                run["layers"] = []          # a second summary before any training: keep the last
            run["params"] = int(m.group(1).replace(",", ""))
            run["_summary_done"] = True
            continue
        m = RE_LAYER.match(line)
        if m and not run["epochs"]:
            if run.get("_summary_done"):
                run["layers"] = []
                run["_summary_done"] = False
            run["layers"].append(m.group(1))
            continue
        m = RE_EPOCH.search(line)
        if m:
            label = int(m.group(1))
            close_epoch()
            if run["epochs"] and label <= run["epochs"][-1].get("label", -1):
                params, layers = run["params"], run["layers"]
                close_run()
                run = {"params": params, "layers": layers, "epochs": [], "_restarted": True}
            cur = {"label": label}
            if pending_lr is not None:
                cur["lr"] = pending_lr
                pending_lr = None
            continue
        m = RE_LR_ADJ.search(line)
        if m:
            pending_lr = float(m.group(1))
            continue
        m = RE_BAR.search(line)
        if m:
            done, total = int(m.group(3)), int(m.group(4))
            if done == total:
                cur["train_loss"] = float(m.group(1))
                cur["train_acc"] = float(m.group(2))
                cur["batches"] = total
                lr = RE_LR_BAR.search(line)
                if lr:
                    cur["lr"] = float(lr.group(1))
            continue
        m = RE_TRAIN2.search(line)
        if m:
            target = cur if "train_acc" not in cur else cur
            target["train_loss"] = float(m.group(1))
            target["train_acc"] = float(m.group(2))
            continue
        m = RE_CLASS.search(line)
        if m:
            # a per-class report printed after training belongs to the run just trained
            target = run if run["epochs"] or not runs else runs[-1]
            target.setdefault("class_acc", {})[m.group(1)] = int(m.group(2))
            continue
        m = RE_TEST.search(line)
        if m:
            if "test_acc" in cur:
                close_epoch()
            cur["test_loss"] = float(m.group(1))
            cur["test_acc"] = float(m.group(4))
            continue
    close_run()
    for r in runs:
        r.pop("_summary_done", None)
        labels = [e.get("label") for e in r["epochs"]]
        r["from"] = labels[0] if labels and labels[0] is not None else 1
    return runs


# ---------------------------------------------------------------------------------------------------------------
# judging

def parse_count(s):
    s = str(s).replace(",", "").strip()
    mult = 1
    if s[-1] in "kK":
        mult, s = 1000, s[:-1]
    elif s[-1] in "mM":
        mult, s = 1_000_000, s[:-1]
    return float(s) * mult, mult, (len(s.split(".")[1]) if "." in s else 0)


def decimals(v):
    v = str(v)
    return len(v.split(".")[1]) if "." in v else 0


def series(run, key):
    return [e.get(key) for e in run["epochs"]]


def fmt(xs):
    return ", ".join("-" if x is None else f"{x:g}" for x in xs)


def epoch_positions(run, n):
    """Positions (1-based) an ordinal 'epoch n' may mean, with the reading's name."""
    out = [(n, "position")]
    if run["from"] == 0:
        out.append((n + 1, "label from 0"))
    return [(p, why) for p, why in out if 1 <= p <= len(run["epochs"])]


def eq_printed(printed, claimed):
    """claimed (str) equals printed once printed is rounded (or truncated) to the claim's decimals"""
    d = decimals(claimed)
    c = float(claimed)
    if round(printed, d) == round(c, d) or abs(round(printed, d) - c) < 10 ** -(d + 3):
        return "rounded"
    if math.floor(printed * 10 ** d + 1e-9) / 10 ** d == c:
        return "truncated"
    return None


def cmp(op, x, v):
    return {"=": x == v, ">=": x >= v, ">": x > v, "<=": x <= v, "<": x < v}[op]


def gap_of(run):
    tr = [x for x in series(run, "train_acc")[-3:] if x is not None]
    te = series(run, "test_acc")[-3:]
    if len(tr) < 3:
        return None
    return sum(tr) / 3 - sum(te) / 3


def fig_of(run, of, fig):
    if fig == "params":
        return run["params"]
    if fig == "gap" or of == "gap":
        return gap_of(run)
    xs = [x for x in series(run, of) if x is not None]
    if not xs:
        return None
    if fig == "final":
        return xs[-1]
    return (min if of.endswith("loss") else max)(xs)


class Judge:
    def __init__(self, src):
        self.src = src
        self.cache = {}

    def runs(self, key, step):
        h = HANDINS[key]
        out = []
        for nb, idx in h["steps"][step]:
            path = os.path.join(self.src, h["repo"].replace("/", "+"), nb)
            if path not in self.cache:
                self.cache[path] = parse_runs(path)
            rs = self.cache[path]
            out.append((nb, rs[idx] if idx < len(rs) else None))
        out.sort(key=lambda x: x[1] is None)
        return out

    def atom(self, key, step, a):
        """-> (verdict True/False/None, why)"""
        q = a["q"]
        neg = a.get("neg", False)
        if q == "unread":
            return None, "not decided: " + a["why"]
        if "step" in a:
            step = a["step"]
        allruns = self.runs(key, step)
        cands = [(nb, r) for nb, r in allruns if r is not None]
        silent = [nb for nb, r in allruns if r is None]
        if not cands:
            return "no-log", f"{step}: no printed training log"
        v, why = self._atom_any(key, step, a, cands, neg)
        if silent:
            why += f" ({', '.join(silent)} of this step printed no log)"
        return v, why

    def _atom_any(self, key, step, a, cands, neg):
        # a multi-notebook step: the claim holds if it holds for one of its notebooks
        results = []
        for nb, run in cands:
            v, why = self._atom(key, step, a, run)
            if neg and v is not None:
                v = not v
            results.append((v, f"{nb}: {why}"))
            if v:
                break
        if any(v for v, _ in results):
            return True, next(w for v, w in results if v)
        if any(v is False for v, _ in results) and all(v is not None for v, _ in results):
            return False, "; ".join(w for _, w in results)
        if any(v is False for v, _ in results) and len(results) == 1:
            return False, results[0][1]
        return None, "; ".join(w for _, w in results)

    def _atom(self, key, step, a, run):
        q = a["q"]
        if q == "params":
            n = run["params"]
            if n is None:
                return None, "no torchsummary printed"
            v, mult, d = parse_count(a["value"])
            op = a["op"]
            if op == "~":
                unit = mult / 10 ** d if mult > 1 else 1
                # a count in thousands or millions is the printed count rounded to the figure's precision: a teacher
                # reads "Parameters: 7K" for 7,781 as false (it rounds to 8K), so a truncated count is false too
                ok_r = round(n / unit) * unit == v
                ok_t = math.floor(n / unit) * unit == v
                return ok_r, f"params {n:,} vs {a['value']} ({'rounded' if ok_r else 'truncated: it rounds otherwise' if ok_t else 'neither rounded nor truncated'})"
            if op == "about":  # "around 7.2K": within one unit of the figure's last digit
                unit = mult / 10 ** d if mult > 1 else 1
                return abs(n - v) <= unit, f"params {n:,} vs about {a['value']} (within {unit:,.0f})"
            return cmp(op, n, v), f"params {n:,} {op} {a['value']}?"
        if q in ("train_acc", "test_acc", "train_loss", "test_loss"):
            xs = series(run, q)
            if all(x is None for x in xs):
                return None, f"no {q} printed"
            at = a["at"]
            op = a.get("op", "=")
            if at == "best|final":
                # an unqualified figure: the best or the last epoch's
                tags = []
                for which in ("best", "final"):
                    y = fig_of(run, q, which)
                    how = eq_printed(y, a["value"]) if op == "=" else cmp(op, y, float(a["value"]))
                    if how:
                        return True, f"{q} {which} {y:g} (an unqualified figure read as best or final); by epoch: {fmt(xs)} (log from {run['from']})"
                    tags.append(f"{which} {y:g}")
                return False, f"{q} {', '.join(tags)}, neither {a['value']}; by epoch: {fmt(xs)} (log from {run['from']})"
            if at in ("best", "final"):
                x = fig_of(run, q, at)
            else:
                pos = epoch_positions(run, int(at))
                vals = [(p, r, xs[p - 1]) for p, r in pos if xs[p - 1] is not None]
                oks = [(p, r, x) for p, r, x in vals if (eq_printed(x, a["value"]) if op == "=" else cmp(op, x, float(a["value"])))]
                tag = f"{q} by epoch: {fmt(xs)} (log from {run['from']})"
                if oks:
                    p, r, x = oks[0]
                    return True, f"{q} {x:g} at epoch {at} read as {r} (position {p}); {tag}"
                return False, f"{q} at epoch {at} ({', '.join(f'{r}: {x:g}' for p, r, x in vals)}) not {op} {a['value']}; {tag}"
            tag = f"{q} {at} {x:g}; by epoch: {fmt(xs)} (log from {run['from']})"
            if op == "=":
                how = eq_printed(x, a["value"])
                ok = how is not None
                if ok and how == "truncated":
                    tag += " (truncated)"
            else:
                ok = cmp(op, x, float(a["value"]))
            if not ok:
                if at == "best" and op == "=":
                    y = fig_of(run, q, "final")
                    hits = [i + 1 for i, z in enumerate(xs) if z is not None and eq_printed(z, a["value"])]
                    if eq_printed(y, a["value"]):
                        tag += " (the claimed figure is the final epoch's, not the best)"
                    elif hits:
                        tag += f" (the claimed figure is printed at position(s) {hits}, not the best)"
                return False, tag
            if "epoch" in a:
                hits = [i + 1 for i, y in enumerate(xs) if y == x]
                reads = [r for p, r in epoch_positions(run, int(a["epoch"])) if p in hits]
                if not reads:
                    return False, f"{tag}; best at position(s) {hits}, not epoch {a['epoch']}"
                tag += f"; epoch {a['epoch']} read as {reads[0]}"
            return True, tag
        if q == "reach":
            xs = series(run, a["of"])
            first = next((i + 1 for i, x in enumerate(xs) if x >= a["value"]), None)
            tag = f"{a['of']} by epoch: {fmt(xs)} (log from {run['from']})"
            if first is None:
                return False, f"never reaches {a['value']}; {tag}"
            if "epoch" not in a:
                return True, f"first at position {first}; {tag}"
            reads = epoch_positions(run, int(a["epoch"]))
            ok = [r for p, r in reads if (p == first if a.get("mode") == "at" else first <= p)]
            if ok:
                return True, f"first at position {first}, epoch {a['epoch']} read as {ok[0]}; {tag}"
            return False, f"first at position {first}, not epoch {a['epoch']}; {tag}"
        if q == "hold":
            xs = series(run, a["of"])
            tag = f"{a['of']} by epoch: {fmt(xs)} (log from {run['from']})"
            if "k" in a:
                spans = [(len(xs) - a["k"] + 1, len(xs), f"last {a['k']}")]
            else:
                spans = [(a["from"], a["to"], "position")]
                if run["from"] == 0:
                    spans.append((a["from"] + 1, a["to"] + 1, "label from 0"))
            for lo, hi, r in spans:
                if hi > len(xs):
                    continue
                if all(cmp(a["op"], x, a["value"]) for x in xs[lo - 1:hi]):
                    return True, f"positions {lo}-{hi} ({r}) all {a['op']} {a['value']}; {tag}"
            return False, f"not all {a['op']} {a['value']} over {', '.join(f'{lo}-{hi} ({r})' for lo, hi, r in spans)}; {tag}"
        if q == "epochs":
            n = len(run["epochs"])
            return cmp(a["op"], n, a["value"]), f"{n} epochs printed"
        if q in ("overfit", "underfit"):
            g = gap_of(run)
            if g is None:
                return None, "no train accuracy printed"
            tag = f"gap train-test (mean of last 3) {g:+.2f}"
            if q == "overfit":
                if a.get("degree") == "slight":
                    v = True if 0.05 < g <= 1.0 else False if g <= 0 or g > 1.0 else None
                else:
                    v = True if g > 0.2 else False if g <= 0 else None
            else:
                v = True if g < -0.1 else False if g > 0.1 else None
            return v, tag
        if q == "gap":
            g = gap_of(run)
            if g is None:
                return None, "no train accuracy printed"
            return cmp(a["op"], abs(g), a["value"]), f"|gap| (mean of last 3) {abs(g):.2f} {a['op']} {a['value']}?"
        if q == "compare":
            other = self.runs(key, a["vs"])[0][1]
            x, y = fig_of(run, a["of"], a["fig"]), fig_of(other, a["of"], a["fig"])
            if x is None or y is None:
                return None, f"{a['of']} not printed for both steps"
            d = x - y
            if a["fig"] == "params":
                tag = f"params: {a['vs']} {y:,} -> {step} {x:,} ({d:+,})"
            else:
                tag = f"{a['of']} {a['fig']}: {a['vs']} {y:.4g} -> {step} {x:.4g} ({d:+.2f})"
            if a["dir"] == "same":
                return abs(d) <= 0.1 if a["of"].endswith("acc") else d == 0, tag + " (same: within 0.1)"
            ok = d > 0 if a["dir"] == "up" else d < 0
            if ok and "amount" in a:
                ok = abs(abs(d) - float(a["amount"])) <= 0.05
            return ok, tag
        if q == "rank":
            figs = [(s, fig_of(self.runs(key, s)[0][1], a["of"], a["fig"])) for s in a["steps"]]
            vals = [v for _, v in figs]
            ok = all(vals[i] > vals[i + 1] for i in range(len(vals) - 1))
            return ok, "; ".join(f"{s} {v:g}" for s, v in figs)
        if q == "class_acc":
            got = run.get("class_acc")
            if not got:
                return None, "no per-class accuracy printed"
            bad = {k: (v, got.get(k)) for k, v in a["values"].items() if got.get(k) != v}
            return not bad, f"printed per class: {got}" + (f"; differs at {bad}" if bad else "")
        if q == "best_of":
            mine = fig_of(run, a["of"], a["fig"])
            others = [(s, fig_of(self.runs(key, s)[0][1], a["of"], a["fig"])) for s in a["steps"]]
            ok = all(mine >= v for _, v in others)
            return ok, f"{step} {mine:g} against " + ", ".join(f"{s} {v:g}" for s, v in others)
        if q == "layer":
            layers = run["layers"]
            if not layers:
                return None, "no torchsummary printed"
            want = a["type"]
            has = [i for i, t in enumerate(layers) if t.startswith(want) or want in t]
            if not has:
                return False, f"no {want} in the summary ({', '.join(sorted(set(layers)))})"
            if a.get("then"):
                ok = any(i + 1 < len(layers) and layers[i + 1] == a["then"] for i in has)
                return ok, f"{want} followed by {a['then']}: {ok}"
            if a.get("each_conv"):
                convs = [i for i, t in enumerate(layers) if t == "Conv2d"]
                missing = [i for i in convs[:-1] if not any(want in t for t in layers[i + 1:i + 4])]
                return not missing, f"{len(convs)} Conv2d, {len(missing)} of the first {len(convs) - 1} without a {want} in the next 3 layers"
            return True, f"{len(has)} {want} in the summary"
        if q == "lr":
            lrs = series(run, "lr")
            if all(x is None for x in lrs):
                return None, "no learning rate printed"
            if a.get("at") == "start":
                ok = lrs[0] is not None and abs(lrs[0] - a["value"]) < 1e-12
            else:
                ok = all(x is not None and abs(x - a["value"]) < 1e-12 for x in lrs)
            return ok, f"lr by epoch: {fmt(lrs)}"
        if q == "batches":
            bs = {e.get("batches") for e in run["epochs"]} - {None}
            if not bs:
                return None, "no progress bar total printed"
            b = bs.pop()
            ok = math.ceil(60000 / a["batch_size"]) == b
            return ok, f"{b} batches an epoch; ceil(60000/{a['batch_size']}) = {math.ceil(60000 / a['batch_size'])}"
        raise ValueError(f"unknown atom {q}")

    def sentence(self, key, step, atoms):
        if isinstance(atoms, dict):
            verdicts = [self.atom(key, step, a) for a in atoms["aim"]]
            vs = [v for v, _ in verdicts]
            met = "not met" if any(v is False for v in vs) else "met" if all(v is True for v in vs) else "undecidable"
            return "aim", f"a target, not judged as a claim; as an aim {met}: " + "; ".join(w for _, w in verdicts)
        if isinstance(atoms, str):
            if atoms == "aim":
                return "aim", "a target / goal: not judged"
            if atoms == "plan":
                return "plan", "a plan: never judged"
            return atoms, atoms
        verdicts = [self.atom(key, step, a) for a in atoms]
        whys = "; ".join(w for _, w in verdicts)
        vs = [v for v, _ in verdicts]
        if any(v == "no-log" for v in vs):
            return "no-log", whys
        if any(v is False for v in vs):
            return "false", whys
        if all(v is True for v in vs):
            return "true", whys
        return "unsettled", whys


def build(src):
    j = Judge(src)
    rows = []
    seen = collections.Counter()
    for key, step, section, sentence, atoms in SPEC:
        h = HANDINS[key]
        label, why = j.sentence(key, step, atoms)
        seen[key] += 1
        folder = os.path.dirname(h["readme"])
        rows.append({
            "id": f"{key}-{seen[key]:03d}",
            "repo": h["repo"], "commit": h["commit"], "readme": h["readme"],
            "notebooks": sorted({nb for nb, _ in h["steps"][step]}),
            "step": step, "section": section, "sentence": sentence,
            "atoms": atoms if isinstance(atoms, list) else atoms["aim"] if isinstance(atoms, dict) else [],
            "label": label, "why": why,
        })
        del folder
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="../public-handins", help="the folder fetch_public_handins.py wrote")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--runs", action="store_true")
    a = ap.parse_args()
    if a.stats:
        with open(OUT, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
        c = collections.Counter(r["label"] for r in rows)
        print(len(rows), "sentences,", len({r["repo"] for r in rows}), "hand-ins")
        for k, v in c.most_common():
            print(f"  {k}: {v}")
        by = collections.Counter((r["repo"], r["label"]) for r in rows)
        for repo in sorted({r["repo"] for r in rows}):
            print(f"  {repo}: " + ", ".join(f"{lab} {by[(repo, lab)]}" for lab in ["true", "false", "unsettled", "no-log", "plan", "aim"] if by[(repo, lab)]))
        return 0
    if a.runs:
        j = Judge(a.src)
        for key, h in HANDINS.items():
            for step in h["steps"]:
                for nb, run in j.runs(key, step):
                    if run is None:
                        print(key, step, nb, "NO RUN")
                        continue
                    print(key, step, nb, "params", run["params"], "n", len(run["epochs"]), "from", run["from"])
                    print("   test ", fmt(series(run, "test_acc")))
                    print("   train", fmt(series(run, "train_acc")))
        return 0
    rows = build(a.src)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if a.check:
        old = ""
        if os.path.exists(OUT):
            with open(OUT, encoding="utf-8") as f:
                old = f.read()
        if old != text:
            print("labels.jsonl differs from what the notebooks give", file=sys.stderr)
            return 1
        print("labels.jsonl matches")
        return 0
    with open(OUT, "w") as f:
        f.write(text)
    print(f"wrote {len(rows)} rows to {os.path.relpath(OUT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
