"""The claims checker against its labelled corpus (tests/data/claims): the development parts the rules were written
against must keep their figures - a rule that breaks a sentence it once read fails here. The held-out part is
measured by `scripts/claims_validity.py --part held`, never read by a test a rule is written against."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[1] / "scripts" / "claims_validity.py"
CORPUS = Path(__file__).parent / "data" / "claims"


@functools.cache
def _validity():
    spec = importlib.util.spec_from_file_location("claims_validity", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_PARTLY = "partly"  # the checker's mark for a sentence partly checked
# part: (least sensitivity, least specificity, least coverage) - as measured when the rules last changed
FLOORS = {"dev": (99.5, 100.0, 98.0), "dev2": (98.5, 100.0, 96.0), "dev3": (96.0, 100.0, 98.0),
          "dev4": (100.0, 100.0, 98.5), "dev5": (97.5, 100.0, 98.0), "dev6": (99.5, 100.0, 98.0),
          "dev7": (99.5, 100.0, 97.5), "dev8": (97.5, 100.0, 99.0), "dev9": (99.5, 100.0, 98.5),
          "dev10": (98.5, 100.0, 96.5), "dev11": (99.5, 100.0, 98.0), "dev12": (98.0, 100.0, 95.0),
          "dev13": (99.5, 100.0, 96.5), "dev14": (98.0, 100.0, 94.5), "dev15": (99.5, 100.0, 95.0),
          "dev16": (99.5, 100.0, 94.0), "dev17": (95.5, 100.0, 97.5),
          "dev18": (99.5, 100.0, 95.5), "dev19": (98.5, 100.0, 96.5), "dev20": (99.5, 100.0, 97.0),
          "dev21": (99.5, 100.0, 99.0), "dev22": (99.5, 100.0, 98.0), "dev23": (99.5, 100.0, 98.0),
          "dev24": (99.5, 100.0, 96.0), "dev25": (99.5, 100.0, 90.5), "dev26": (None, 100.0, 98.5),
          "dev27": (99.5, 100.0, 97.0), "dev28": (94.0, 100.0, 90.5), "dev29": (92.5, 100.0, 99.5),
          "dev30": (77.5, 100.0, 87.0), "dev31": (86.0, 99.0, 92.5), "dev32": (77.0, 100.0, 98.5),
          "dev33": (89.5, 100.0, 98.5), "dev34": (87.5, 100.0, 97.0), "dev35": (86.0, 97.0, 100.0),
          "dev36": (94.5, 100.0, 97.5), "dev37": (99.5, 100.0, 98.5), "dev38": (84.5, 100.0, 98.5),
          "dev39": (84.5, 100.0, 97.5), "dev40": (85.0, 100.0, 95.5), "dev41": (93.5, 100.0, 95.5),
          "dev42": (94.0, 100.0, 97.0), "dev43": (95.5, 100.0, 98.5), "dev44": (83.0, 99.0, 99.5),
          "dev45": (81.0, 98.5, 99.5), "dev46": (83.0, 96.5, 99.5),
          "dev47": (89.0, 100.0, 99.5), "dev48": (91.0, 100.0, 96.5), "dev49": (91.5, 100.0, 91.5),
          "dev50": (79.5, 99.0, 92.0), "dev51": (90.5, 100.0, 92.5),
          "dev52": (80.5, 100.0, 87.0), "dev53": (89.0, 100.0, 93.0), "dev54": (96.0, 100.0, 99.0),
          "dev55": (95.0, 100.0, 96.5),
          "dev56": (77.5, 100.0, 87.0), "dev57": (88.0, 100.0, 89.0),
          "dev58": (82.5, 100.0, 90.0), "dev59": (95.5, 100.0, 98.0),
          "dev60": (78.5, 100.0, 94.0), "dev61": (84.0, 100.0, 93.0), "dev62": (90.5, 100.0, 89.5),
          "dev63": (81.0, 99.0, 95.5), "dev64": (99.5, 100.0, 97.5),
          "dev65": (78.0, 100.0, 93.0)}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_the_development_parts_keep_their_figures(part):
    rows = [json.loads(line) for line in (CORPUS / f"{part}.jsonl").read_text().splitlines() if line.strip()]
    figures, wrong = _validity().measure(rows, _STEPS)  # each hand-in's steps read once for every part
    least_sensitivity, least_specificity, least_coverage = FLOORS[part]
    shown = [f"{r['id']}: {r['sentence']} -> {v}" for r, v in wrong][:10]
    assert figures["specificity"] >= least_specificity, shown
    assert least_sensitivity is None or figures["sensitivity"] >= least_sensitivity, shown  # dev26: no false rows
    assert figures["coverage"] >= least_coverage, shown
    assert figures["plans_judged"] <= {"dev3": 3, "dev4": 3, "dev54": 3, "dev65": 5}.get(part, 0), shown  # a result before
    # its plan: the labeller's plan, the checker's claim ("The worst digit was 7 (36 errors), so step 4 should try rotation")


# (hand-in, step, section, sentence, verdict) against the corpus hand-ins' records: a true and a false sentence for each
# reading the twelfth to seventeenth development parts called for, the false one a figure or a word away from the true
CORPUS_SAID = [
    ("example", 1, "result", "Final train acc 98.78%, final test loss 0.042", True),
    ("example", 1, "result", "Final train acc 98.81%, final test loss 0.042", False),  # 98.81 is test's
    ("alpha", 1, "analysis", "The model under-fits badly: even at the end, train accuracy is only about 85%.", True),
    ("alpha", 1, "analysis", "The model under-fits badly: even at the end, train accuracy is only about 80%.", False),
    ("beta", 3, "analysis", "Every seed ended at 93% or better, and two of them above 95%.", True),  # a level, not a step
    ("beta", 3, "analysis", "Every seed ended at 94% or better, and two of them above 95%.", False),  # seed 0: 93.48
    ("beta", 3, "analysis", "only 1 seed out of 3 got above 97", True),
    ("beta", 3, "analysis", "only 2 seeds out of 3 got above 97", False),
    ("example", 3, "result", "Final test accuracies range from 99.51 (seeds 1 and 3) to 99.6 (seed 4).", True),
    ("example", 3, "result", "Final test accuracies range from 99.51 (seeds 1 and 2) to 99.6 (seed 4).", False),
    ("example", 3, "analysis", "Train only overtakes test in the final two epochs (99.57 vs 99.54 at epoch 14).", True),
    ("example", 3, "analysis", "Train only overtakes test in the final two epochs (99.57 vs 99.54 at epoch 15).", False),
    ("alpha", 2, "analysis", "It holds 98% over the last 2 epochs and 96.5% over the last 3.", True),  # the verb shared
    ("alpha", 2, "analysis", "It holds 98% over the last 2 epochs and 97% over the last 3.", False),  # 96.51 at epoch 4
    ("gamma", 2, "analysis", "Train ends 1.5 points above test (98.45 vs 96.92), and the last-3 average gap is 0.6.", True),
    ("gamma", 2, "analysis", "Train ends 0.6 points above test (98.45 vs 96.92).", False),  # "ends": the last epoch's
    ("gamma", 3, "analysis", "Train now leads test by almost 3 points over the last 3 epochs, far more than in step 2.", True),
    ("gamma", 3, "analysis", "Train now leads test by almost 3 points over the last 3 epochs, far less than in step 2.", False),
    ("alpha", 3, "analysis", "gap reduced by ~0.5 compared to Model_2 (0.68 -> 0.14)", True),
    ("alpha", 3, "analysis", "gap reduced by ~0.9 compared to Model_2 (0.68 -> 0.14)", False),
    ("gamma", 3, "analysis", "The eights' accuracy rose from 85.2% in step 2 to 88.6%.", True),  # the step before's, then
    ("gamma", 3, "analysis", "The eights' accuracy rose from 85.9% in step 2 to 88.6%.", False),
    ("example", 1, "analysis", "digit 8 is the worst class with 19 mistakes, same number as 7", True),
    ("example", 1, "analysis", "digit 8 is the worst class with 19 mistakes, same number as 6", False),
    ("gamma", 3, "analysis", "digit 8 improved to 111 errors from 144", True),
    ("gamma", 3, "analysis", "digit 8 improved to 111 errors from 145", False),
    ("beta", 2, "analysis", "Test accuracy dips in epoch 2, to just under 77%, and climbs every epoch from there.", True),
    ("beta", 2, "analysis", "Test accuracy dips in epoch 2, to just under 76%, and climbs every epoch from there.", False),
    ("example", 2, "analysis", "Only epoch 13 (99.35) keeps the last three from all being above 99.4.", True),
    ("example", 2, "analysis", "Only epoch 13 (99.36) keeps the last three from all being above 99.4.", False),
    ("example", 2, "analysis", "Every epoch from 5 to 15 is at 99% or better.", True),
    ("example", 2, "analysis", "Every epoch from 4 to 15 is at 99% or better.", False),  # 98.58 at epoch 4
    # what the words say of the noise, in the clause or after a comma (final test 99.41 -> 99.55, noise ±0.20)
    ("example", 3, "analysis", "Final test is 0.1 points better than step 2, not beyond the noise.", True),
    ("example", 3, "analysis", "Final test is 0.1 points better than step 2, beyond the noise.", False),
    ("example", 3, "analysis", "final test +0.1 vs step 2, not beyond the noise", True),
    ("example", 3, "analysis", "final test +0.1 vs step 2, beyond the noise", False),
    ("example", 3, "analysis", "Final test is better than step 2, beyond the noise.", False),
    # dev20's readings: a careful student's words
    ("example", 1, "result", "Best test ≈ 98.8 % in the final (15th) epoch; train got to 98.78 %.", True),  # 98.7783 logged
    ("example", 1, "result", "Best test ≈ 98.8 % in the final (15th) epoch; train got to 98.79 %.", False),
    ("example", 1, "analysis", "The curve flattened: 98.61 in epochs 13 and 14, then a final step up to 98.81.", True),
    ("example", 1, "analysis", "The curve flattened: 98.61 in epochs 12 and 13, then a final step up to 98.81.", False),
    ("example", 2, "analysis", "Apart from the 6s (98.4 %), every digit is above 99 %.", True),
    ("example", 2, "analysis", "Every digit is above 99 %.", False),  # digit 6: 98.43 (test accuracy 99.41 is not a digit's)
    ("example", 2, "analysis", "No digit is below 98 %.", True),
    ("example", 2, "analysis", "No digit is below 99 %.", False),
    ("alpha", 1, "analysis", "8 is also weak at about 71 %, while 1 is the best at 97.5 %.", True),
    ("alpha", 1, "analysis", "8 is also weak at about 71 %, while 1 is the best at 96.5 %.", False),
    ("alpha", 2, "analysis", "Digit 3 is the weakest now at 97.7 %, far better than the 52 % of the 2s in step 1.", True),
    ("alpha", 2, "analysis", "Digit 3 is the weakest now at 97.7 %, far better than the 53 % of the 2s in step 1.", False),
    ("gamma", 3, "result", "Dropout 0.05, rotation 8°, 3 seeds, 0 passed.", True),
    ("gamma", 3, "result", "Dropout 0.05, rotation 8°, 3 seeds, 1 passed.", False),
    ("gamma", 3, "result", "Best test on the shown seed 97.5 % (last epoch); best train 97.8 %.", True),  # not a check's seed
    ("gamma", 3, "result", "Best test on the shown seed 97.6 % (last epoch); best train 97.8 %.", False),
    ("gamma", 3, "analysis", "Over-fitting got worse, not better: train now leads by about 2.8 points over the last 3 epochs, "
                             "against 0.6 in step 2.", "partly"),  # the gap grew; over-fitting now: test still rising
    ("gamma", 3, "analysis", "train now leads by about 2.8 points over the last 3 epochs, against 1.6 in step 2.", False),
    ("gamma", 3, "analysis", "Over-fitting got better: train now leads by about 2.8 points over the last 3 epochs.", False),
    ("gamma", 2, "analysis", "Fives improved too: 63 errors in step 1 against 33 now.", True),
    ("gamma", 2, "analysis", "Fives improved too: 63 errors in step 1 against 23 now.", False),
    ("example", 3, "analysis", "Test is above train for 13 epochs.", True),  # the first 13, not 13 trained
    ("example", 3, "analysis", "Test is above train for 14 epochs.", False),
    ("example", 1, "analysis", "Five 3x3 convs and a 1x1 head; the 28x28 input ends as a 6x6 map before GAP.", True),  # modules
    ("example", 1, "analysis", "Six 3x3 convs and a 1x1 head.", False),
    ("example", 1, "analysis", "With 5x5 kernels all the way, the receptive field ends at 28.", False),
    ("example", 1, "analysis", "The max-pool takes the 24x24 map to 11x11.", False),  # 12x12: the layer table's
    ("example", 1, "analysis", "The receptive field ends at 28, wider than a 9x9 stroke.", "partly"),  # 9x9: no record
    # dev19's last misses and dev21's (form transfer) readings
    ("alpha", 3, "analysis", "Seed 2 is having the best min of last 3, 97.19", True),
    ("alpha", 3, "analysis", "Seed 1 is having the best min of last 3, 97.13", False),  # its own, but not the best
    ("beta", 3, "result", "seed 0: best 96.47 @ ep3, final 93.48", True),  # "best": the first figure's role, no rank
    ("gamma", 1, "analysis", "gap = -0.07 -> test slightly above train in the first 3 epochs", True),
    ("gamma", 1, "analysis", "gap = -0.07 -> test slightly above train at the end", False),  # +0.70 at epoch 4
    ("gamma", 2, "analysis", "gap = 0.60 (avg last 3) -> train ahead in the last 2 epochs", True),
    ("gamma", 2, "analysis", "gap = 0.60 (avg last 3) -> train ahead in all last 3 epochs", False),
    ("beta", 2, "analysis", "In the last two epochs the test accuracy was even above the training accuracy, which is what "
                            "you expect when the training images are harder.", True),  # a relative clause, no credit
    ("beta", 2, "analysis", "In the last three epochs the test accuracy was even above the training accuracy, which is "
                            "what you expect when the training images are harder.", False),
    ("beta", 1, "analysis", "The one-cycle rate went up to roughly 0.09 by the second epoch and came down to about 0.016 "
                            "for the last one.", True),
    ("beta", 1, "analysis", "The one-cycle rate went up to roughly 0.09 by the second epoch and came down to about 0.055 "
                            "for the last one.", False),  # 0.055 was epoch 4's
    ("beta", 2, "analysis", "The one-cycle schedule raised the LR to a peak of 0.1 and then brought it down again.", True),
    ("beta", 2, "analysis", "The one-cycle schedule raised the LR to a peak of 0.2 and then brought it down again.", False),
    ("example", 1, "analysis", "Test accuracy kept improving every epoch up to epoch 12.", True),
    ("example", 1, "analysis", "Test accuracy kept improving every epoch.", False),  # 98.64 -> 98.61 at epoch 13
    ("alpha", 2, "analysis", "Both accuracies are under 99.5%.", True),
    ("alpha", 2, "analysis", "Under-fitting, both accuracies are under 99%.", False),  # train 99.03
    ("alpha", 2, "analysis", "The cut came after epoch 4.", True),
    ("alpha", 2, "analysis", "The cut came after epoch 5.", False),
    ("beta", 1, "analysis", "The rate only began to fall after epoch 2.", True),
    ("beta", 1, "analysis", "The rate only began to fall after epoch 3.", False),
    ("beta", 2, "analysis", "There are 30 mistakes on the 2s.", True),
    ("beta", 2, "analysis", "There are 27 mistakes on the 2s.", False),
    ("gamma", 2, "analysis", "Model_2 beats Model_1 by over 0.5 pt on final acc.", True),
    ("gamma", 2, "analysis", "Model_2 beats Model_1 by over 1 pt on final acc.", False),  # +0.78
    ("alpha", 3, "target", "Reach 97% with dropout and the StepLR cut after epoch 4.", "aim met"),  # the cut's epoch
    # a student's hand-in written over the corpus records with planted errors: the readings its true sentences needed
    ("beta", 1, "analysis", "Gap: train ahead by 1.60 at epoch 4 (97.54 vs 95.94); by epoch 5 test nearly caught up "
                            "(98.00 vs 98.33)", True),
    ("beta", 1, "analysis", "Gap: train ahead by 1.60 at epoch 3 (97.54 vs 95.94)", False),  # +0.49 at epoch 3
    ("alpha", 3, "analysis", "In epoch 6 train is only 0.05 points ahead of test (98.03 % vs 97.98 %), against 0.54 points "
                             "in step 2", True),
    ("alpha", 3, "analysis", "In epoch 6 train is only 0.05 points ahead of test (98.03 % vs 97.98 %), against 0.64 points "
                             "in step 2", False),
    ("alpha", 3, "analysis", "But it cost accuracy: the minimum of the last three dropped from 96.51 % to 95.90 %, a loss of "
                             "0.61 points, and the final test fell from 98.49 % to 97.98 %", True),  # no step named
    ("alpha", 3, "analysis", "But it cost accuracy: the minimum of the last three dropped from 96.51 % to 95.90 %, a loss of "
                             "0.71 points", False),
    ("beta", 2, "analysis", "Digits: 8 now weakest (47 errors); 0 fell 98.47 → 96.02", True),
    ("beta", 2, "analysis", "Digits: 8 now weakest (47 errors); 0 fell 98.47 → 96.20", False),
    ("alpha", 3, "analysis", "The weakest digits are now 9 (96.43 %) and 7 (96.50 %), with 36 errors each", True),
    ("alpha", 3, "analysis", "The weakest digits are now 9 (96.43 %) and 8 (97.33 %)", False),
    ("alpha", 3, "analysis", "Digit 3, the weakest in step 2, got better and is now at 98.91 %", True),
    ("alpha", 3, "analysis", "Digit 3, the weakest in step 2, got worse and is now at 98.91 %", False),
    ("alpha", 3, "analysis", "Seed 0 was the worst of the three seeds", True),  # by the min of the last 3
    ("alpha", 3, "analysis", "Seed 1 was the worst of the three seeds", False),
    ("alpha", 3, "analysis", "Over the three seeds the final test averaged 98.02 %", True),
    ("alpha", 3, "analysis", "Over the three seeds the final test averaged 98.12 %", False),
    ("alpha", 3, "analysis", "The StepLR cut after epoch 4 again gave the big jump, from 95.90 % to 97.93 % in epoch 5", True),
    ("alpha", 3, "analysis", "The StepLR cut after epoch 4 again gave the big jump, from 92.84 % to 97.93 % in epoch 5", False),
    ("alpha", 2, "analysis", "Test went from 96.51 % to 98.40 % in epoch 5, a jump of 1.89 points", True),
    ("alpha", 2, "analysis", "Test went from 96.51 % to 98.40 % in epoch 5, a jump of 2.89 points", False),
    ("beta", 3, "analysis", "Seeds unstable: seed 1 dipped to 83.37 at epoch 3, then ended at 97.15", True),
    ("beta", 3, "analysis", "Seeds unstable: seed 1 dipped to 83.37 at epoch 4, then ended at 97.15", False),
    ("beta", 3, "analysis", "Start slower than step 2: 73.17 at epoch 1.", True),
    ("beta", 3, "analysis", "Start faster than step 2: 73.17 at epoch 1.", False),
    ("beta", 3, "analysis", "9,574 params: over the 8,000 limit.", True),
    ("beta", 3, "analysis", "9,574 params: under the 8,000 limit.", False),
    ("beta", 2, "analysis", "vs step 1: min of last 3 95.75 → 91.98 (-3.77); best test 98.00 → 97.33.", True),
    ("beta", 2, "analysis", "vs step 1: min of last 3 95.75 → 91.98 (-3.23); best test 98.00 → 97.33.", False),
    ("beta", 3, "analysis", "Digits (seed 0): 7 worst (85.80, 146 errors), then 5 (86.55); 3 has only 2 errors", True),
    ("alpha", 2, "analysis", "On its own, batch norm lifted the min of the last three from 53.76 % to 96.51 %.", "partly"),
    ("alpha", 3, "result", "Seed finals - s0 97.98, s1 98.33, s2 97.75", True),
    ("alpha", 3, "result", "Seed finals - s0 97.98, s1 98.33, s2 97.73", False),  # 97.73 was seed 2's epoch 5
    ("beta", 1, "analysis", "It went past 95% at epoch 3.", True),
    ("beta", 1, "analysis", "It went past 95% at epoch 4.", False),  # first at or above 95 at epoch 3
    ("alpha", 1, "analysis", "85% was only passed in the final epoch, the 8th.", True),
    ("alpha", 1, "analysis", "80% was only passed in the final epoch, the 8th.", False),  # 81.71 at epoch 7
    ("alpha", 1, "analysis", "Sixes and nines are both below 89%.", True),
    ("alpha", 1, "analysis", "Sixes and nines are both at 88.9%.", False),  # sixes 88.10
    ("alpha", 2, "analysis", "Still under-fitting: neither curve reaches 99.1%.", True),
    ("alpha", 2, "analysis", "Still under-fitting: neither curve reaches 99%.", False),  # train 99.03 at epoch 6
    ("beta", 1, "analysis", "None of the last 3 epochs dipped under 95.7%.", True),
    ("beta", 1, "analysis", "None of the last 3 epochs dipped under 95.9%.", False),  # 95.75 at epoch 3
    ("gamma", 1, "analysis", "In the last epoch train finished over 0.5 points above test.", True),
    ("gamma", 1, "analysis", "In the last epoch train finished over 1 point above test.", False),  # +0.70
    ("beta", 3, "result", "Seeds passed: 0/3, lowest min-of-last-3 83.37 (seed 1)", True),
    ("beta", 3, "result", "Seeds passed: 0/3, lowest min-of-last-3 89.65 (seed 2)", False),  # seed 1's is lower
    ("beta", 2, "analysis", "Test loss at the end is 0.0873, higher than step 1's 0.0714.", True),
    ("beta", 2, "analysis", "Test loss at the end is 0.0873, lower than step 1's 0.0714.", False),
    ("alpha", 1, "result", "Test accuracy for epochs 5-8: 38.49, 53.76, 81.71, 86.29", True),
    ("alpha", 1, "result", "Test accuracy for epochs 5-8: 38.49, 53.76, 81.71, 85.25", False),  # 85.25: train's
    ("alpha", 2, "result", "Params: 7578 (+68 from BN)", True),
    ("alpha", 2, "result", "Params: 7578 (+78 from BN)", False),
    ("gamma", 3, "analysis", "Threes got worse (24 errors now), while the nines improved to 43.", True),
    ("gamma", 3, "analysis", "Threes got worse (24 errors now), while the nines improved to 39.", False),
    ("beta", 1, "analysis", "test acc increased in all epochs", True),
    ("beta", 2, "analysis", "test acc increased in all epochs", False),  # down at epoch 2
    ("example", 3, "analysis", "seed 1 was below 99.4 till 9th epoch", True),
    ("example", 3, "analysis", "seed 1 was below 99.4 till 12th epoch", False),  # 99.41 at epoch 10
    ("gamma", 1, "analysis", "test acc beats train acc all through the training", False),  # not at epoch 4
    ("alpha", 2, "result", "Best Test Accuracy: 98.49 (6th epoch)", True),
    ("alpha", 2, "result", "Best Test Accuracy: 98.4 (5th epoch)", False),  # 98.40 at 5, the best at 6
    ("beta", 1, "analysis", "gap between train and test is around 0.8 in the last 3 epochs", True),
    ("beta", 1, "analysis", "gap between train and test is around 0.3 in the last 3 epochs", False),
    ("beta", 2, "result", "Best test acc - 98 (5th epoch)", False),  # 97.33: a whole figure is a percentage too
    ("gamma", 3, "analysis", "the gap between train and test grew compared to Model_2", True),
    ("gamma", 3, "analysis", "the gap between train and test reduced compared to Model_2", False),
    ("beta", 3, "analysis", "The wider model is 2,854 parameters bigger than Beta_2.", True),  # a step by its model's name
    ("beta", 3, "analysis", "The wider model is 2,584 parameters bigger than Beta_2.", False),
    ("beta", 3, "analysis", "On seed 0 the final accuracy is 3.85 points below Beta_2.", True),
    ("beta", 3, "analysis", "On seed 0 the final accuracy is 3.58 points below Beta_2.", False),
    ("alpha", 1, "result", "Receptive field 18 px, 8 epochs", True),
    ("alpha", 1, "result", "Receptive field 19 px, 8 epochs", False),
    ("gamma", 1, "result", "Losses at the end: 0.11 (train) and 0.13 (test)", True),
    ("gamma", 1, "result", "Losses at the end: 0.13 (train) and 0.11 (test)", False),
    ("gamma", 2, "result", "Budget: FAIL with 8,000 parameters", True),  # 8,000 is not under 8,000
    ("gamma", 2, "result", "Budget: PASS with 8,000 parameters", False),
    ("example", 1, "result", "Train acc at epoch 2 was 87.36, 94.74 at epoch 3 and 96.24 at epoch 4", True),
    ("example", 1, "result", "Train acc at epoch 2 was 87.36, 94.74 at epoch 3 and 96.74 at epoch 4", False),  # test's
    ("example", 3, "result", "Train acc: 98.68 at epoch 12 → 99.48 at epoch 13 → 99.61 at epoch 15", True),
    ("example", 3, "result", "Train acc: 98.68 at epoch 12 → 99.56 at epoch 13 → 99.61 at epoch 15", False),
    ("beta", 3, "analysis", "Sevens dropped to about 85.9%, the lowest of all digits.", True),
    ("beta", 3, "analysis", "Sevens dropped to about 86.5%, the lowest of all digits.", False),
    ("gamma", 1, "result", "Best test acc ~96.2% (epoch 4)", True),
    ("gamma", 1, "result", "Best test acc ~96.2% (epoch 3)", False),
    ("example", 1, "analysis", "min of the last 3 epochs is 98.61 which is far from 99.4", True),
    ("example", 1, "analysis", "min of the last 3 epochs is 98.81 which is far from 99.4", False),
    ("beta", 3, "analysis", "To fix: go back to one-cycle but keep the wider model, maybe with dropout 0.05.", "plan"),
    ("example", 1, "analysis", "It got past 98% at epoch 8 and never fell back under it.", True),
    ("example", 1, "analysis", "It got past 98.62% at epoch 12 and never fell back under it.", False),  # 98.61 at 13
    ("example", 2, "result", "7,568 params (~7.6k), RF 28, 15 epochs, 60,000 training images", True),
    ("example", 2, "result", "7,568 params (~7.5k), RF 28, 15 epochs, 60,000 training images", False),
    ("example", 2, "analysis", "Digits 5 and 9 share the second-highest error count, 8 each.", True),  # ranked by errors
    ("example", 2, "analysis", "Digits 5 and 6 share the second-highest error count, 8 each.", False),
    ("example", 3, "analysis", "Seed 0 stayed above 99.4% in every epoch from the 6th onward.", True),
    ("example", 3, "analysis", "Seed 0 stayed above 99.4% in every epoch from the 5th onward.", False),  # 99.35 at 5
    ("alpha", 2, "analysis", "Train is ahead of test from epoch 3 on, by 0.54 pts at the end.", True),  # the last's gap
    ("alpha", 2, "analysis", "Train is ahead of test from epoch 3 on, by 0.64 pts at the end.", False),
    ("alpha", 2, "analysis", "The last two epochs (98.40, 98.49) are flat, but the last 3 are not stable.", True),
    ("alpha", 2, "analysis", "The last 3 epochs are flat.", False),  # 96.51 to 98.49
    ("alpha", 3, "result", "Finals: 97.98 / 98.33 / 97.75 for seeds 0/1/2", True),
    ("alpha", 3, "result", "Finals: 97.98 / 98.33 / 97.75 for seeds 1/0/2", False),
    ("alpha", 3, "analysis", "None of the 3 seeds kept 97.5% over its last 3 epochs.", True),
    ("alpha", 3, "analysis", "None of the 3 seeds kept 97% over its last 3 epochs.", False),  # seeds 1 and 2 did
    ("alpha", 3, "analysis", "Digits 9 and 7 both have 36 errors, 9 slightly worse at 96.43%.", True),
    ("alpha", 3, "analysis", "Digits 9 and 7 both have 36 errors, 9 slightly worse at 96.50%.", False),  # 96.50 is 7's
    ("alpha", 3, "analysis", "The 1s and 5s tie for the fewest errors, 7 each.", True),
    ("alpha", 3, "analysis", "The 1s and 9s tie for the fewest errors, 7 each.", False),
    ("alpha", 1, "analysis", "Digit 2 is worst (52.0%), and 8 comes next at 71.4%.", True),
    ("alpha", 1, "analysis", "Digit 2 is worst (52.0%), and 8 comes next at 72.4%.", False),
    ("beta", 2, "analysis", "From the second epoch it improves every epoch, reaching 97% by the last.", True),
    ("beta", 2, "analysis", "From the second epoch it improves every epoch, reaching 98% by the last.", False),
    ("beta", 3, "result", "Verdict: FAIL on all 3 seeds (0 of 3 held)", True),  # a count of the seeds that held
    ("beta", 3, "result", "Verdict: FAIL on all 3 seeds (1 of 3 held)", False),
    ("beta", 3, "analysis", "No seed is stable in the last 3 epochs.", True),
    ("example", 3, "analysis", "No seed is stable in the last 3 epochs.", False),
    ("beta", 3, "analysis", "At the final epoch train is 2.73 pts ahead.", True),
    ("beta", 3, "analysis", "At the final epoch train is 3.73 pts ahead.", False),
    ("gamma", 1, "result", "RF 10 px, 4 epochs, 5,000 train images, batch 32", True),  # 4 is the epochs', not a field's
    ("gamma", 1, "result", "RF 10 px, 4 epochs, 6,000 train images, batch 32", False),
    ("gamma", 2, "analysis", "Train stays ahead of test in epochs 4 and 5, by 1.53 pts at the last one.", True),
    ("gamma", 2, "analysis", "Train stays ahead of test in epochs 4 and 5, by 0.84 pts at the last one.", False),
    ("gamma", 3, "result", "Final test acc, seed 0/1/2: 97.51 / 98.34 / 98.16", True),
    ("gamma", 3, "result", "Final test acc, seed 0/1/2: 97.51 / 98.16 / 98.34", False),
    ("example", 3, "result", "Seeds 0-5, min of last 3: 99.54, 99.43, 99.54, 99.51, 99.51, 99.52", True),
    ("example", 3, "result", "Seeds 0-5, min of last 3: 99.54, 99.43, 99.54, 99.51, 99.52, 99.51", False),
    ("alpha", 1, "analysis", "It under-fits: neither train nor test gets past 86.29 %.", True),  # past: above it
    ("alpha", 1, "analysis", "It under-fits: neither train nor test gets past 86.2 %.", False),
    ("alpha", 2, "analysis", "Train was ahead of test in every epoch from 3 on.", True),
    ("alpha", 2, "analysis", "Train was ahead of test in every epoch from 2 on.", False),
    ("alpha", 3, "analysis", "Train and test finish level: 98.03 % against 97.98 %.", True),
    ("alpha", 3, "analysis", "Train and test finish level: 98.13 % against 97.98 %.", False),
    ("beta", 3, "result", "lowest seed: seed 1 at 83.37 %", True),  # the verdict's figure, lowest of the seeds'
    ("beta", 3, "result", "lowest seed: seed 2 at 89.65 %", False),
    ("gamma", 3, "result", "lowest seed's min of the last 3: 92.36 %", True),
    ("gamma", 3, "result", "lowest seed's min of the last 3: 96.72 %", False),  # seed 1's; seed 0's is lower
    ("example", 2, "analysis", "First-epoch test accuracy jumped by about 38.6 points over step 1 (58.89 -> 97.51).", True),
    ("example", 2, "analysis", "First-epoch test accuracy jumped by about 28.6 points over step 1 (58.89 -> 97.51).", False),
    ("example", 3, "analysis", "Train accuracy jumps at epoch 13 (98.68 -> 99.48), when the augmentation is switched off.", True),
    ("example", 3, "analysis", "Sixes still have the most errors, 10 of them.", True),
    ("example", 3, "analysis", "Sixes still have the most errors, 11 of them.", False),
    ("beta", 1, "result", "Epoch-1 test accuracy: 90.4%", True),
    ("beta", 1, "result", "Epoch-1 test accuracy: 92.2%", False),  # epoch 2's
    ("gamma", 3, "result", "Train images 10k, epochs 5, params 8k", True),
    ("gamma", 3, "result", "Train images 5k, epochs 5, params 8k", False),
    ("beta", 3, "result", "Plateau scheduler, starting LR 0.05, patience 1", True),
    ("beta", 3, "result", "Plateau scheduler, starting LR 0.05, patience 2", False),
    ("gamma", 2, "result", "Optimizer SGD, lr 0.05, momentum 0.9", True),
    ("gamma", 2, "result", "Optimizer SGD, lr 0.05, momentum 0.95", False),
    # dev18's readings: a verdict's label without its colon, the gap "basically zero" and of the span said, "neither ...
    # gets near", a rate's first stretch and the run's length, a dip at an epoch and the climb after it, a seed's clause
    # after "but", the count against the budget's limit, a from-to's difference, a tally in brackets, a tie rounded up
    ("beta", 3, "result", "Verdict FAIL, 0/3 seeds", True),
    ("beta", 3, "result", "Verdict FAIL, 1/3 seeds", False),
    ("example", 3, "analysis", "The train-test gap over the last 3 is basically zero.", True),
    ("alpha", 2, "analysis", "The train-test gap over the last 3 is basically zero.", False),  # +0.68
    ("example", 1, "analysis", "Neither train nor test gets near 99.4.", True),
    ("example", 2, "analysis", "Neither train nor test gets near 99.4.", False),  # train 99.79
    ("alpha", 3, "analysis", "LR: 0.05 for four epochs, then 0.005 from epoch 5.", True),
    ("alpha", 3, "analysis", "LR: 0.05 for five epochs, then 0.005.", False),
    ("example", 1, "analysis", "LR stayed flat at 0.01 for all 15 epochs.", True),
    ("example", 1, "analysis", "LR stayed flat at 0.01 for all 14 epochs.", False),
    ("beta", 2, "analysis", "Test dips at epoch 2 (76.92) and then climbs every epoch.", True),
    ("beta", 2, "analysis", "Test dips at epoch 3 and then climbs every epoch.", False),
    ("alpha", 3, "analysis", "Two of the three seeds dip at epoch 3.", True),
    ("alpha", 3, "analysis", "Every seed dips at epoch 3.", False),  # seed 0 rises
    ("beta", 3, "analysis", "Seed 1 collapsed to 83.4 at epoch 3 but finished best of the three at 97.15.", True),
    ("beta", 3, "analysis", "Seed 2 collapsed to 83.4 at epoch 3 but finished best of the three at 97.15.", False),
    ("alpha", 2, "analysis", "The train-test gap in the last 3 epochs is 0.68.", True),
    ("alpha", 2, "analysis", "The train-test gap in the last 3 epochs is 0.5.", False),  # the last epoch's +0.54
    ("gamma", 1, "result", "Params 14,410 - way over the 8k budget", True),
    ("gamma", 2, "analysis", "8,000 params is inside the budget.", False),
    ("example", 3, "analysis", "Min of the last 3 went from 99.35 to 99.54, so +0.19.", True),
    ("example", 3, "analysis", "Min of the last 3 went from 99.35 to 99.54, so +0.29.", False),
    ("example", 3, "result", "Passed on all six seeds (6/6)", True),
    ("example", 3, "result", "Passed on all six seeds (5/6)", False),
    ("example", 2, "result", "Min of last 3: 99.4", True),  # 99.35
    ("example", 2, "result", "Min of last 3: 99.5", False),
    ("example", 2, "analysis", "Test accuracy reached 99.4% at epoch 13.", False),  # a level is not a rounding
    ("alpha", 1, "analysis", "Over the last 3 epochs test is on average about 6.5 points ahead of train.", True),
    ("alpha", 1, "analysis", "Over the last 3 epochs test is on average about 3.5 points ahead of train.", False),
    ("alpha", 2, "result", "Epochs: 6, images: 6,000", True),
    ("alpha", 2, "result", "Epochs: 8, images: 6,000", False),
    ("gamma", 2, "analysis", "Params dropped by 6,410 (14,410 -> 8,000).", True),
    ("gamma", 2, "analysis", "Params dropped by 6,400 (14,410 -> 8,000).", False),
    # the probes' readings: figures beside a rate are read, a chain after a span or over the run is its epochs', pairs
    # by epoch, a comparison's pair must be some role's, a table row without its header, whole and mixed figures
    ("alpha", 2, "analysis", "Around the LR cut test accuracy jumped from 96.51 (epoch 4) to 98.40 (epoch 5).", True),
    ("alpha", 2, "analysis", "Around the LR cut test accuracy jumped from 96.68 (epoch 4) to 98.40 (epoch 5).", False),
    ("gamma", 2, "analysis", "After epoch 3, val acc decreased at each epoch (98.12 → 97.05 → 96.92).", True),
    ("gamma", 2, "analysis", "After epoch 3, val acc decreased at each epoch (97.89 → 97.05 → 96.92).", False),
    ("beta", 1, "analysis", "Test acc went 90.37 -> 92.17 -> 95.75 -> 95.94 -> 98.00, up in every epoch.", True),
    ("beta", 1, "analysis", "Test acc went 92.17 -> 92.17 -> 95.75 -> 95.94 -> 98.00, up in every epoch.", False),
    ("beta", 2, "analysis", "Test was ahead of train in the last 2 epochs (96.91 vs 95.74, 97.33 vs 96.75).", True),
    ("beta", 2, "analysis", "Test was ahead of train in the last 2 epochs (96.75 vs 95.74, 97.33 vs 96.75).", False),
    ("gamma", 3, "analysis", "Final test acc went up by ~0.6 (96.92 -> 97.51) compared to the previous step.", True),
    ("gamma", 3, "analysis", "Final test acc went up by ~0.6 (97.14 -> 97.51) compared to the previous step.", False),
    ("gamma", 2, "analysis", "After peaking at 98.12 in epoch 3 test falls at every epoch (97.05, 96.92).", True),
    ("gamma", 2, "analysis", "After peaking at 97.89 in epoch 3 test falls at every epoch (97.05, 96.92).", False),
    ("example", 2, "result", "Epoch 14 | 99.78 | 99.42", True),
    ("example", 1, "result", "Epoch 12 | 98.55 | 98.54", False),
    ("example", 2, "result", "Last 3 epochs: 99.4 / 99.42 / 99.41", True),  # 99.35 rounded
    ("alpha", 1, "analysis", "Digit 8 is at 71.", True),
    ("beta", 2, "analysis", "Digit 0 fell to 39.", False),  # its errors, not its accuracy
    ("example", 3, "analysis", "Min of the last 3 went from 99.3 to 99.54, so +0.19.", True),
    ("alpha", 1, "analysis", "From epoch 5 to 8 the test accuracy rises every epoch: 38 → 53.76 → 81.71 → 86.29.", True),
    ("alpha", 1, "analysis", "From epoch 5 to 8 the test accuracy rises every epoch: 39 → 53.76 → 81.71 → 86.29.", False),
    ("beta", 3, "result", "best train 96.21 (epoch 5), best test 96 (epoch 3)", True),
    ("beta", 3, "result", "best train 96.21 (epoch 5), best test 95 (epoch 3)", False),
    ("alpha", 2, "result", "After the 1st epoch: 73 train / 75.41 test", True),
    ("alpha", 2, "result", "After the 1st epoch: 74 train / 75.41 test", False),
    # dev19's readings (a new class's voices): "eps", "<", "budget FAIL", "pass is 0 of 3", "nobody", a span carried to
    # its level, "never got anywhere near", "percent", "the hardest digit this time was 9", "dropping by", "before it was",
    # "a third of a point", "if only", a signed difference "vs step K", a role said once at the head of a seeds' list
    ("example", 1, "result", "params 7.5k, RF 28, 15 eps, bs 128", True),
    ("example", 1, "result", "params 7.5k, RF 28, 14 eps, bs 128", False),
    ("example", 1, "analysis", "no OF, tr/te gap < 0.1 at the end", True),
    ("example", 1, "result", "budget FAIL", True),
    ("example", 2, "result", "budget PASS", False),
    ("alpha", 3, "result", "3 seeds are run, pass is 0 of 3", True),
    ("alpha", 3, "result", "3 seeds are run, pass is 1 of 3", False),
    ("alpha", 2, "analysis", "Still model is under fitting, nobody is reaching 99.4", True),
    ("alpha", 1, "analysis", "For first 4 epoch model is not learning anything, test acc is staying below 12", True),
    ("alpha", 1, "analysis", "For first 5 epoch model is not learning anything, test acc is staying below 12", False),
    ("beta", 1, "analysis", "The last three epochs never got anywhere near 99.4.", True),
    ("beta", 2, "analysis", "The hardest digit this time was 8, with 47 mistakes.", True),
    ("beta", 2, "analysis", "The hardest digit this time was 9, with 39 mistakes.", False),
    ("alpha", 3, "analysis", "Final test acc is dropping by 0.51 compare to step 2", True),
    ("alpha", 3, "analysis", "Final test acc is dropping by 0.61 compare to step 2", False),
    ("alpha", 2, "analysis", "In epoch 1 test acc is coming 75.41 itself, before it was 11.35", True),
    ("alpha", 2, "analysis", "In epoch 1 test acc is coming 75.41 itself, before it was 11.85", False),
    ("beta", 1, "analysis", "On the last epoch train was ahead of test, if only by a third of a point.", True),
    ("alpha", 1, "analysis", "On the last epoch train was ahead of test.", False),
    ("beta", 1, "analysis", "Train is ahead of test.", True),
    ("alpha", 1, "analysis", "Train is ahead of test.", False),
    ("example", 2, "analysis", "final te +0.6 vs M1", True),
    ("example", 1, "analysis", "Trained on my M1 Mac, the final test accuracy is 98.81 %.", True),  # a Mac, no model
    ("gamma", 2, "analysis", "best test +1.98 vs step 1", True),
    ("gamma", 2, "analysis", "best test +1.68 vs step 1", False),
    ("gamma", 3, "result", "min last 3: s0 = 92.36, s1 = 96.72, s2 = 97.77", True),
    ("gamma", 3, "result", "min last 3: s0 = 92.36, s1 = 96.72, s2 = 97.79", False),
    ("alpha", 3, "analysis", "Seed 2 is coming 97.75 in the final", True),
    ("alpha", 3, "analysis", "Seed 2 is coming 97.73 in the final", False),
    ("beta", 3, "analysis", "Across the seeds, every one of them was below 97.2 percent at the end.", True),
    ("beta", 3, "analysis", "Across the seeds, every one of them was below 97 percent at the end.", False),
    # "val" is the test set in the course's words, and beta step 3's real split where the run kept one: either holds
    ("beta", 3, "result", "Best val acc 96.3 at epoch 4", True),  # the split's curve
    ("beta", 3, "result", "Best val acc 96.47 at epoch 3", True),  # the test set's
    ("beta", 3, "result", "Best val acc 96.5 at epoch 4", False),  # neither
    ("beta", 2, "result", "Best val acc 96.3 at epoch 4", False),  # no split kept: the test set's only
    # whole figures where their place says accuracy, a pair of two steps' figures by an arrow, "Then" telling the run
    ("alpha", 1, "result", "Worst digit 2 at 52.03 (495 wrong), then 8 at 71", True),
    ("alpha", 1, "result", "Worst digit 2 at 52.03 (495 wrong), then 8 at 72", False),
    ("beta", 2, "analysis", "Weakest digit: 8 at 95.17 (47 wrong); digit 0 fell to 96", True),
    ("beta", 2, "analysis", "Weakest digit: 8 at 95.17 (47 wrong); digit 0 fell to 95", False),
    ("gamma", 3, "analysis", "Dropout and rotation together cut the min of the last 3 by 4.56 points (96.92 % → 92.36 %).", True),
    ("gamma", 3, "analysis", "Dropout and rotation together cut the min of the last 3 by"
     " 4.66 points (96.92 % → 92.36 %).", False),
    ("gamma", 3, "analysis", "Dropout and rotation together cut the min of the last 3 by"
     " 4.56 points (96.92 % → 92.09 %).", False),
    ("beta", 2, "analysis", "Augmentation lowered the final test acc by 0.76 compared to step 1 (98.00 → 97.33)", False),
    ("alpha", 1, "analysis", "Stuck at chance for 4 epochs, then it takes off: 38.49 at epoch 5 and 86 by the end.", 'partly'),
    ("alpha", 1, "analysis", "Stuck at chance for 4 epochs, then it takes off: 38.49 at epoch 5 and 87 by the end.", False),
    ("alpha", 3, "analysis", "Seed 1 dipped from 96.03 to 95.42 at epoch 3 before"
     " recovering to 97.13 at epoch 4 and 98 at the end.", True),
    ("alpha", 3, "analysis", "Seed 1 dipped from 96.03 to 95.42 at epoch 3 before"
     " recovering to 97.13 at epoch 4 and 97 at the end.", False),
    ("alpha", 2, "analysis", "Around the LR cut test accuracy jumped from 97 (epoch 4) to 98.40 (epoch 5).", True),
    ("alpha", 2, "analysis", "Around the LR cut test accuracy jumped from 95 (epoch 4) to 98.40 (epoch 5).", False),
    ("alpha", 2, "analysis", "Right after the LR cut at the end of epoch 4 (0.05 → 0.005)"
     " test jumps from 96.51 to 98.40 %.", True),
    ("alpha", 2, "analysis", "Right after the LR cut at the end of epoch 4 (0.05 → 0.005)"
     " test jumps from 96.15 to 98.40 %.", False),
    ("alpha", 1, "analysis", "It takes off: 38.49 at epoch 5 and 86 at the end.", True),
    ("alpha", 1, "analysis", "It takes off: 38.49 at epoch 5 and 87 at the end.", False),
    ("alpha", 2, "analysis", "Then the test accuracy jumps to 98.40 % at epoch 5.", True),
    ("alpha", 2, "analysis", "Then the test accuracy jumps to 98.49 % at epoch 5.", False),
    ("alpha", 2, "analysis", "Then add dropout to get over 98.5 %.", 'plan'),
    # readings new development parts called for (dev22, dev23): each true sentence and a false sibling
    ("example", 2, "analysis", "The LR warmed up from 0.01 to 0.091 over the first 4 epochs.", True),
    ("example", 2, "analysis", "The LR warmed up from 0.01 to 0.097 over the first 4 epochs.", False),
    ("example", 3, "analysis", "Seed 1 is the slowest: it only reaches 99.4% at epoch 10"
     " (99.41%), the other 5 seeds were there by epoch 9.", True),
    ("example", 3, "analysis", "Seed 1 is the slowest: it only reaches 99.4% at epoch 10"
     " (99.41%), the other 6 seeds were there by epoch 9.", False),
    ("alpha", 1, "analysis", "Digit 8 is the second problem after the 2s: 71.4% right, 279 errors.", True),
    ("alpha", 1, "analysis", "Digit 8 is the second problem after the 2s: 71.4% right, 297 errors.", False),
    ("alpha", 1, "analysis", "Digits 6 and 9 are both around 88% (114 and 112 errors).", True),
    ("alpha", 1, "analysis", "Digits 6 and 9 are both around 88% (114 and 121 errors).", False),
    ("alpha", 3, "analysis", "Seed 2 starts best, 81.71% after one epoch, but ends lowest at 97.75%.", True),
    ("alpha", 3, "analysis", "Seed 2 starts best, 81.17% after one epoch, but ends lowest at 97.75%.", False),
    ("beta", 1, "result", "Receptive field: 14 px, Parameters: 6,720", True),
    ("beta", 1, "result", "Receptive field: 14 px, Parameters: 6,702", False),
    ("beta", 1, "analysis", "Digits 5, 6 and 8 all have more than 20 errors (23, 25 and 29).", False),
    ("beta", 2, "analysis", "The gap went down by about 0.5 points compared with step 1.", True),
    ("beta", 2, "analysis", "The gap went down by about 0.8 points compared with step 1.", False),
    ("beta", 2, "analysis", "The test loss rose at epoch 2, from 0.568 to 0.791, and fell every epoch after that.", True),
    ("beta", 2, "analysis", "The test loss rose at epoch 2, from 0.568 to 0.791, and rose every epoch after that.", False),
    ("gamma", 1, "analysis", "Digits 5 and 8 are also weak: 92.9% and 93.0%.", True),
    ("gamma", 1, "analysis", "Digits 5 and 8 are also weak: 92.9% and 93.1%.", False),
    ("gamma", 3, "analysis", "Apart from seed 0, every seed improved in every epoch.", True),
    ("gamma", 3, "analysis", "Apart from seed 1, every seed improved in every epoch.", False),
    ("gamma", 3, "analysis", "Test loss was highest at epochs 2 and 3 (0.247) and lowest at the end (0.083).", 'partly'),
    ("gamma", 3, "analysis", "Test loss was highest at epochs 2 and 3 (0.247) and lowest at the end (0.085).", False),
    ("example", 1, "analysis", "7 and 8 have 19 errors each, but 8 is the worst by acc (98.05 vs 98.15)", True),
    ("example", 1, "analysis", "7 and 8 have 19 errors each, but 8 is the worst by acc (98.05 vs 98.51)", False),
    ("example", 2, "analysis", "the start is way faster now: ep 1 test 97.51 where step 1 had 58.89", True),
    ("example", 2, "analysis", "the start is way faster now: ep 1 test 97.51 where step 1 had 58.98", False),
    ("alpha", 1, "analysis", "between ep 4 and ep 8 test goes from 7.16 to 86.29, although train only ends at 85.25", True),
    ("alpha", 1, "analysis", "between ep 4 and ep 8 test goes from 7.16 to 86.92, although train only ends at 85.25", False),
    ("alpha", 2, "analysis", "test above train only in the first two eps", True),
    ("alpha", 2, "analysis", "test above train only in the first three eps", False),
    ("alpha", 2, "analysis", "above 95 in all but the first epoch", True),
    ("alpha", 2, "analysis", "above 96 in all but the first epoch", False),
    ("alpha", 3, "analysis", "7 and 9 have 36 errors each, twice as many as digit 2 (18)", True),
    ("alpha", 3, "analysis", "7 and 9 have 36 errors each, twice as many as digit 2 (19)", False),
    ("alpha", 3, "analysis", "test loss ends below train loss: 0.0683 vs 0.0753", True),
    ("alpha", 3, "analysis", "test loss ends below train loss: 0.0753 vs 0.0683", False),
    ("beta", 3, "analysis", "seed 1 is the opposite, best at the end with 97.15, although it had a dip to 83.37 at ep 3", True),
    ("beta", 3, "analysis", "seed 1 is the opposite, best at the end with 97.15, although it had a dip to 83.37 at ep 4", False),
    ("beta", 3, "analysis", "seed 2 peaked at ep 5 with 95.37", True),
    ("beta", 3, "analysis", "seed 2 peaked at ep 4 with 90.35", False),
    ("gamma", 1, "analysis", "no overfit: test above train for eps 1 to 3, train only"
     " ahead in the last one (96.84 vs 96.14)", True),
    ("gamma", 1, "analysis", "no overfit: test above train for eps 1 to 3, train only"
     " ahead in the last one (96.84 vs 96.41)", False),
    ("gamma", 2, "analysis", "after the peak at ep 3 test falls every ep: 98.12 -> 97.05 -> 96.92", True),
    ("gamma", 2, "analysis", "after the peak at ep 2 test falls every ep: 98.12 -> 97.05 -> 96.92", False),
    ("gamma", 3, "result", "min of last 3: 92.36 / 96.72 / 97.77 (seeds 0/1/2)", True),
    ("gamma", 3, "result", "min of last 3: 92.36 / 97.72 / 97.77 (seeds 0/1/2)", False),
    ("gamma", 3, "analysis", "8 still the worst: 111 errs, 88.6% (was 144 in step 2)", True),
    ("gamma", 3, "analysis", "8 still the worst: 111 errs, 88.6% (was 114 in step 2)", False),
    ("gamma", 3, "analysis", "Digit 8 is still the worst, now 88.6% against 85.2% in step 2.", True),
    ("gamma", 3, "analysis", "Digit 8 is still the worst, now 88.6% against 86.2% in step 2.", False),
    ("alpha", 3, "analysis", "dropout closed the gap and also raised the acc vs step 2", False),
    ("alpha", 3, "analysis", "dropout closed the gap and also lowered the acc vs step 2", 'partly'),
    ("alpha", 1, "analysis", "Underfitting - test is ahead of train in the last 4 eps, by ~6.5 on avg over the last 3", True),
    ("alpha", 1, "analysis", "Underfitting - test is ahead of train in the last 4 eps, by ~9 on avg over the last 3", False),
    ("example", 1, "analysis", "test loss is under 0.05 from ep 11 on, except ep 12 (0.0503)", True),
    ("example", 1, "analysis", "test loss is under 0.05 from ep 11 on, except ep 13 (0.0452)", False),
    ("example", 1, "analysis", "test acc is above 98.5 from ep 11 on, except ep 13 and 14", True),
    ("example", 1, "analysis", "test acc is above 98.6 from ep 11 on, except ep 13 and 14", False),
    # a tie at the level (beta step 1's best is 98.00): "above" says it either way, so it is not settled; "reached" is
    ("beta", 1, "analysis", "test never went over 98", None),
    ("beta", 1, "analysis", "test got above 98", None),
    ("beta", 1, "analysis", "test reached 98", True),
    ("beta", 1, "analysis", "test never went over 97.9", False),
    ("beta", 1, "analysis", "test got above 98.1", False),
    # readings the paraphrase part (dev24) called for, and false siblings (two were false ✓: 'Worst 5', 'came at epoch 4')
    ("beta", 2, "analysis", "Step 1 had 15 errors on the 0s; now it's 39.", True),
    ("beta", 2, "analysis", "Step 1 had 16 errors on the 0s; now it's 39.", False),
    ("beta", 3, "result", "3 seeds were run, and not one passed (0/3).", True),
    ("beta", 3, "result", "3 seeds were run, and not one failed.", False),
    ("beta", 3, "analysis", "At the end seed 0 is at 93.48, down from 96.47 in ep 3.", True),
    ("beta", 3, "analysis", "At the end seed 0 is at 93.48, down from 96.47 in ep 4.", False),
    ("beta", 3, "analysis", "Of the 8,000 images, 1,000 go to the validation split.", True),
    ("beta", 3, "analysis", "Of the 8,000 images, 2,000 go to the validation split.", False),
    ("gamma", 1, "analysis", "Worst is 9 (88.1%), and after it comes 5 (92.9%).", True),
    ("gamma", 1, "analysis", "Worst is 9 (88.1%), and after it comes 5 (92.3%).", False),
    ("gamma", 1, "analysis", "Worst 5 (92.9%).", False),
    ("gamma", 2, "analysis", "After first reaching 98% in the third epoch it slipped back to 96.92.", True),
    ("gamma", 2, "analysis", "After first reaching 98% in the third epoch it slipped back to 96.29.", False),
    ("gamma", 3, "result", "Seed 1's lowest in its last 3 epochs is 96.72, seed 2's is 97.77%.", True),
    ("gamma", 3, "result", "Seed 1's lowest in its last 3 epochs is 96.72, seed 2's is 97.79%.", False),
    ("example", 1, "analysis", "At epoch 15 it was 98.81%, compared with 58.89 after the first epoch.", True),
    ("example", 1, "analysis", "At epoch 15 it was 98.81%, compared with 93.89 after the first epoch.", False),
    ("alpha", 2, "result", "The 6th epoch gives the top test acc, 98.49.", True),
    ("alpha", 2, "result", "The 6th epoch gives the top test acc, 98.40.", False),
    ("alpha", 2, "analysis", "Compared with Model_1 the final accuracy gains 12.2 pts.", True),
    ("alpha", 2, "analysis", "Compared with Model_1 the final accuracy gains 12.1 pts.", False),
    ("beta", 1, "analysis", "95% came at epoch 3, 98% at the fifth.", True),
    ("beta", 1, "analysis", "95% came at epoch 4, 98% at the fifth.", False),
    ("gamma", 3, "analysis", "Model_2's final acc is beaten by 0.59 pts.", True),
    ("gamma", 3, "analysis", "Model_2's final acc is beaten by 0.69 pts.", False),
    ("alpha", 1, "analysis", "The test accuracy peaked at about 86.3.", True),
    ("alpha", 1, "analysis", "The test accuracy peaked at about 88.3.", False),
    ("beta", 1, "analysis", "Both 5 and 6 sit at 97.4%.", True),
    ("beta", 1, "analysis", "Both 5 and 8 sit at 97.4%.", False),
    ("beta", 1, "analysis", "Every epoch brought a higher test acc than the one before.", True),
    ("beta", 2, "analysis", "Every epoch brought a higher test acc than the one before.", False),
    ("beta", 2, "analysis", "At epoch 2 it fell to 76.92%, then recovered.", True),
    ("beta", 2, "analysis", "At epoch 3 it fell to 76.92%, then recovered.", False),
    ("gamma", 3, "analysis", "Over the final 3 epochs test trails train by 2.8 pts.", True),
    ("gamma", 3, "analysis", "Over the final 3 epochs test trails train by 4.8 pts.", False),
    ("example", 1, "analysis", "For the first 4 epochs, train acc trailed test acc.", True),
    ("example", 1, "analysis", "For the first 5 epochs, train acc trailed test acc.", False),
    ("example", 3, "analysis", "Seed 1 is the weakest, its min of the last 3 is 99.43%.", True),
    ("example", 3, "analysis", "Seed 1 is the weakest, its min of the last 3 is 99.51%.", False),
    # a whole number in brackets after a digit where the sentence counts errors: its count, or its accuracy whole
    ("gamma", 1, "result", "Worst digit 9 (88), best 4 (99.39, 6 errors)", True),
    ("gamma", 1, "result", "Worst digit 9 (87), best 4 (99.39, 6 errors)", False),
    # dev25's readings (a second paraphrase of dev's true rows, in four voices): questions answered, and false siblings
    ("example", 3, "analysis", "Did seed 0 ever drop below 99.5% from epoch 9 on? No.", True),
    ("example", 3, "analysis", "Did seed 0 ever drop below 99.5% from epoch 7 on? No.", False),
    ("alpha", 2, "analysis", "How fast did it get to 95%? Within 2 epochs.", True),
    ("alpha", 2, "analysis", "How fast did it get to 96%? Within 2 epochs.", False),
    ("beta", 3, "result", "How many of the 3 seeds passed? None.", True),
    ("beta", 3, "result", "How many of the 3 seeds passed? One.", False),
    ("beta", 3, "analysis", "How many seeds ended above 95%? 2 of the 3.", True),
    ("beta", 3, "analysis", "How many seeds ended above 97%? 2 of the 3.", False),
    ("beta", 3, "analysis", "Is the accuracy stable in the last 3 epochs? Not at all.", True),
    ("beta", 3, "analysis", "Is the accuracy stable in the last 3 epochs? Yes.", False),
    ("alpha", 3, "analysis", "Which seed ends lowest? Seed 2, at 97.75%.", True),
    ("alpha", 3, "analysis", "Which seed ends lowest? Seed 0, at 97.98%.", False),
    ("gamma", 1, "analysis", "digit 9 is the worst class with 88.1%, after it is coming 5 with 92.9%", True),
    ("gamma", 1, "analysis", "digit 9 is the worst class with 88.1%, after it is coming 5 with 92.3%", False),
    ("gamma", 2, "analysis", "ep3 -> ep5: test falls every epoch", True),
    ("gamma", 2, "analysis", "ep2 -> ep5: test falls every epoch", False),
    ("beta", 2, "analysis", "Because the final test accuracy is 0.67 points lower than"
     " in Model_1, the augmentation has helped.", False),
    ("alpha", 2, "analysis", "test reached 95% within 2 epochs", True),
    ("gamma", 2, "analysis", "Two epochs were enough to get to 96% test acc.", True),  # not a plan: "were enough to get to"
    ("gamma", 2, "analysis", "Two epochs were enough to get to 97% test acc.", False),
    # dev25's leftovers and dev26 to dev28's readings: a comparison said from the earlier step's side, a difference
    # beside a pair, a cut denied at an epoch, another step's rate, and the figures and scopes said other ways
    ("gamma", 2, "analysis", "Model_1's best test accuracy trails this one by about 2 points.", True),
    ("gamma", 2, "analysis", "Model_1's best test accuracy trails this one by over 2 points.", False),  # +1.98
    ("gamma", 2, "analysis", "Model_1's best test accuracy is behind this one by about 2 points.", True),
    ("gamma", 2, "analysis", "Model_1's best test accuracy is ahead of this one by about 2 points.", False),
    ("alpha", 2, "analysis", "final vs step 1: 98.49 vs 86.29 -> +12.2", True),
    ("alpha", 2, "analysis", "final vs step 1: 98.49 vs 86.29 -> +12.3", False),
    ("beta", 2, "analysis", "From epoch 2 on, test accuracy rose in every epoch: the model kept learning with the "
     "augmentation.", True),  # "kept learning": went on, no credit
    ("beta", 3, "analysis", "The scheduler did not reduce the LR after epoch 3.", True),  # a flat 0.05
    ("alpha", 2, "analysis", "The LR was not reduced after epoch 3.", True),  # cut at the start of epoch 5
    ("alpha", 2, "analysis", "The LR was not reduced after epoch 4.", False),
    ("beta", 3, "analysis", "The LR was lowered from step 2's 0.1 to 0.05.", True),
    ("beta", 3, "analysis", "The LR was raised from step 2's 0.1 to 0.05.", False),
    ("gamma", 2, "analysis", "Step 1 used Adam at 0.002; this step switched to SGD at 0.05.", True),
    ("gamma", 2, "analysis", "Step 1 used Adam at 0.005; this step switched to SGD at 0.05.", False),
    ("beta", 3, "analysis", "Compared with Model_2 the accuracy at epoch 3 on seed 0 is about 4.5 points better.", True),
    ("beta", 3, "analysis", "Compared with Model_2 the accuracy at epoch 3 on seed 0 is about 1.5 points better.", False),
    ("beta", 2, "analysis", "Test accuracy dipped to 76.92% at epoch 2.", True),
    ("beta", 2, "analysis", "Train accuracy dipped to 90.99% at epoch 2 as well.", False),  # 52.84 before it
    ("example", 2, "analysis", "After 6, the most mistakes are on 5 and 9, with 8 each.", True),
    ("example", 2, "analysis", "Apart from digit 6, the worst is 9.", False),  # 5 is
    ("example", 2, "analysis", "Digit 1 is almost perfect in this step: 99.82%.", True),  # a level, not the best class
    ("gamma", 1, "analysis", "Worst class 9 (~88 %), then 5 (~93 %).", True),
    ("gamma", 1, "analysis", "Worst classes: 9, then 8.", False),  # 5 is second
    ("gamma", 1, "analysis", "The most mistakes are on 9, then 8.", True),  # by errors: 120, 68, 63
    ("gamma", 1, "analysis", "The most mistakes are on 9, then 5.", False),
    ("alpha", 1, "analysis", "Digit 2 is by far the worst class, with nearly 500 errors (495).", True),
    ("alpha", 1, "analysis", "Digit 2 is by far the worst class, with nearly 600 errors.", False),
    ("example", 2, "result", "99.42 % best test accuracy, in the second-to-last epoch.", True),
    ("example", 2, "result", "99.42 % best test accuracy, in the last epoch.", False),
    ("alpha", 3, "analysis", "Test is ahead of train only in E1 and E5.", True),
    ("alpha", 3, "analysis", "Test is ahead of train only in E1 and E3.", False),
    ("beta", 3, "analysis", "Seed #1 only reached 97 % in the final epoch.", True),
    ("beta", 3, "analysis", "Seed #2 only reached 97 % in the final epoch.", False),  # 95.37 at the end
    ("alpha", 3, "result", "Three seeds, none of which passed.", True),
    ("alpha", 3, "result", "Of three seeds, one passed.", False),
    ("gamma", 3, "result", "In the final three epochs the lowest test accuracy is about 96.7 % on seed 1.", True),
    ("example", 1, "analysis", "Eights are the hardest class, at 1.95 % error (19 mistakes).", True),
    ("alpha", 2, "result", "1.51 % test error at best, in the last epoch.", True),
    ("alpha", 2, "result", "1.61 % test error at best, in the last epoch.", False),
    ("example", 1, "result", "Best test result: 119 wrong out of 10,000 test images.", True),
    ("gamma", 2, "result", "Final test accuracy: 380 errors out of 10,000.", False),  # 96.92 %
    ("example", 1, "result", "Best test accuracy 0.9881, reached at epoch fifteen.", True),
    ("example", 1, "result", "Best test accuracy 0.9891, reached at epoch fifteen.", False),
    ("example", 1, "result", "Params: 7,5k", True),
    ("example", 2, "analysis", "It stays at or above 99.3 % over the last 20 % of training.", True),  # epochs 13-15
    ("example", 2, "analysis", "It stays at or above 99.4 % over the last 20 % of training.", False),  # 99.35
    ("beta", 3, "analysis", "Across epochs three to five the accuracy is nowhere near stable.", True),
    ("alpha", 1, "analysis", "With ~7.5K parameters and seven epochs the final test accuracy is about 86 %.", False),
    ("alpha", 1, "analysis", "With ~7.5K parameters and eight epochs the final test accuracy is about 86 %.", True),
    ("alpha", 2, "analysis", "It crossed 95 % within the very first epoch.", False),  # epoch 2
    ("beta", 3, "analysis", "One eighth of the 8,000 images (1,000) went to validation.", True),
    ("beta", 3, "analysis", "One eighth of the 9,000 images (1,000) went to validation.", False),
    ("example", 2, "result", "99.41 % final test accuracy.", True),  # a figure that opens its clause: its role after it
    ("example", 2, "result", "99.42 % final test accuracy.", False),  # 99.42 is epoch 14's, the best
    ("example", 2, "result", "99.41 % best test accuracy.", False),
    # dev29's two claims in one sentence and dev30's other words: each clause read on its own, the words students use
    ("example", 1, "result", "Best train and test accuracy are 98.78% and 98.81%, both reached in the 15th epoch.", True),
    ("example", 1, "result", "Best train and test accuracy are 98.81% and 98.78%, both reached in the 15th epoch.", False),
    ("example", 1, "analysis", "Test accuracy not only reached 98% at epoch 8 but also got to 98.5% by epoch 11.", True),
    ("example", 1, "analysis", "Test accuracy not only reached 98% at epoch 7 but also got to 98.5% by epoch 11.", False),
    ("beta", 1, "analysis", "Digit 5 and digit 6 are both at 97.4%, and it holds 95.7 over the last 3.", True),
    ("beta", 1, "analysis", "Digit 5 and digit 6 are both at 97.4%, and it holds 96.5 over the last 3.", False),  # 95.75
    ("beta", 2, "analysis", "The model both reached 97% by epoch 5 and stayed consistent above 96.5% in the last 2 epochs.",
     True),
    ("beta", 2, "analysis", "The model both reached 97% by epoch 5 and stayed consistent above 97% in the last 2 epochs.",
     False),  # 96.91
    ("gamma", 2, "analysis", "It reached 98% at epoch 3 and fell back to 96.92% at the end, still better than in step 1.",
     True),
    ("gamma", 2, "analysis", "It reached 98% at epoch 3 and fell back to 96.92% at the end, worse than in step 1.", False),
    ("gamma", 3, "analysis", "The final accuracy is 0.59 points higher than Model_2, and on seed 1 it is better than step 2 "
     "too.", True),
    ("beta", 3, "result", "9,574 parameters as well as 7,000 training images (+1,000 for validation).", True),
    ("beta", 3, "result", "9,574 parameters as well as 7,000 training images (+2,000 for validation).", False),
    ("beta", 3, "analysis", "Passed on 0 of 3 seeds although all three finished above 93%.", True),
    ("beta", 3, "analysis", "Passed on 0 of 3 seeds although all three finished above 94%.", False),  # seed 0: 93.48
    ("gamma", 3, "result", "3 repeats were run and 0 of 3 passed the budget.", True),
    ("gamma", 3, "result", "3 repeats were run and 1 of 3 passed the budget.", False),
    ("example", 2, "analysis", "For the opening 3 passes, test accuracy beat training accuracy.", True),
    ("beta", 3, "analysis", "The LR was never lowered by the plateau scheduler: it sat flat at 0.05 through all 5 passes.",
     True),
    ("beta", 3, "analysis", "The LR was never lowered by the plateau scheduler: it sat flat at 0.01 through all 5 passes.",
     False),
    ("beta", 3, "analysis", "The last 3 epochs are anything but flat.", True),
    ("example", 2, "analysis", "The last 3 epochs are anything but flat.", False),  # 99.35, 99.42, 99.41
    ("beta", 3, "analysis", "1,000 of the 8,000 images are set aside as a validation set.", True),
    ("beta", 3, "analysis", "2,000 of the 8,000 images are set aside as a validation set.", False),
    ("gamma", 2, "analysis", "The decay never kicked in and the LR stayed flat at 0.05.", True),  # a first cut after the run
    ("alpha", 2, "analysis", "The decay never kicked in and the LR stayed flat at 0.05.", False),  # 0.005 from epoch 5
    ("beta", 3, "analysis", "Two of the three random restarts wrapped up above 95%.", True),
    ("beta", 3, "analysis", "Two of the three random restarts wrapped up above 96%.", False),
    ("gamma", 3, "analysis", "Compared with Model_2 the end-of-training accuracy went up by 0.59 points.", True),
    ("gamma", 3, "analysis", "Compared with Model_2 the end-of-training accuracy went up by 0.69 points.", False),
    # dev31's reasons and dev32's small words: a reason's subject kept apart from its claim, and the same subject kept
    ("example", 1, "analysis", "Since neither train (98.78 % at best) nor test (98.81 % at best) reaches 99.4 %, the model is "
     "under-fitting.", True),  # the neither is the reason's, not the claim's
    ("example", 1, "analysis", "Even though the rate never dropped, test accuracy still rose.", "partly"),  # the rise:
    ("alpha", 2, "analysis", "Even though the rate never dropped, test accuracy still rose.", False),  # inside the noise
    ("example", 1, "analysis", "Given that 7,500 parameters are under 8,000, the budget fails only on accuracy.", "partly"),
    ("example", 3, "analysis", "Given that 7,500 parameters are under 8,000, the budget fails only on accuracy.", False),
    ("alpha", 2, "analysis", "Digit 3 is the weakest class at 97.72 %, unlike step 1 where digit 2 was far behind at 52.04 %.",
     True),
    ("alpha", 2, "analysis", "Digit 3 is the weakest class at 97.72 %, unlike step 1 where digit 8 was far behind at 52.04 %.",
     False),
    ("gamma", 2, "analysis", "Ones are best at 99.74 %, in contrast to eights at 85.22 %.", True),
    ("gamma", 2, "analysis", "Ones are best at 99.74 %, in contrast to eights at 88.22 %.", False),
    ("gamma", 3, "analysis", "No seed passed, given that even the best seed, seed 2, holds only 97.77 % over the last 3 "
     "epochs.", True),
    ("gamma", 3, "analysis", "No seed passed, given that even the best seed, seed 1, holds only 96.72 % over the last 3 "
     "epochs.", False),  # seed 2's is higher
    ("gamma", 3, "analysis", "Unlike seed 0, seeds 1 and 2 improved in every epoch.", True),
    ("gamma", 3, "analysis", "Unlike seed 1, seeds 0 and 2 improved in every epoch.", False),
    ("gamma", 2, "analysis", "Compared to step 1, the final accuracy is about 0.8 points higher, 96.92 % against 96.14 %.",
     True),
    ("gamma", 2, "analysis", "Compared to step 1, the final accuracy is about 0.8 points higher, 96.92 % against 96.41 %.",
     False),
    ("example", 2, "result", "Min of the last 3 epochs: 99.35% - just under the 99.4 line.", True),
    ("example", 2, "result", "Min of the last 3 epochs: 99.35% - just over the 99.4 line.", False),
    ("alpha", 2, "result", "Best Train Accuracy: 99.03 (6th epoch) - finally over 99% on train.", True),
    ("alpha", 2, "analysis", "Only 9 of the zeros are wrong - down from 67 in step 1.", True),
    ("alpha", 2, "analysis", "Only 9 of the zeros are wrong - down from 76 in step 1.", False),
    ("gamma", 1, "analysis", "Adam gets to 95.99% after two epochs.", False),  # 94.27 at epoch 2
    ("gamma", 1, "analysis", "Adam gets to 94% after two epochs.", True),
    ("alpha", 3, "result", "Budget: FAIL on 0 of 3 seeds; lowest seed 0: 95.90 %", True),  # the tool's own line
    ("alpha", 3, "result", "Budget: FAIL on 1 of 3 seeds", False),
    ("example", 3, "result", "min of the last 3: 99.54 %; lowest seed 1: 99.43 %", True),  # the tool's line: its min
    ("example", 3, "result", "min of the last 3: 99.54 %; lowest seed 1: 99.51 %", False),  # seed 1's final, not its min
    ("example", 1, "analysis", "The 98% mark on the test set was first hit at epoch 8.", True),
    ("example", 1, "analysis", "The 98% mark on the test set was first hit at epoch 7.", False),  # 97.96
    ("beta", 3, "analysis", "There was a collapse to 83.37% at epoch 3 in the seed-1 run.", True),
    ("beta", 3, "analysis", "There was a collapse to 83.37% at epoch 3 in the seed-2 run.", False),  # seed 1's figure
    ("alpha", 2, "analysis", "After epoch 4 the step size was decayed from 0.05 to 0.005 by the scheduler.", True),
    ("alpha", 2, "analysis", "After epoch 3 the step size was decayed from 0.05 to 0.005 by the scheduler.", False),
    ("example", 2, "analysis", "Final accuracy is only slightly higher than Model_1 - less than a point.", True),  # +0.60
    ("alpha", 2, "analysis", "Final accuracy is only slightly higher than Model_1 - less than a point.", False),  # +12.20
    ("alpha", 1, "analysis", "Digit 2 has 495 errors, so it is the worst class.", True),  # "it": the digit before
    ("alpha", 1, "analysis", "Digit 8 has 279 errors, so it is the worst class.", False),
    ("alpha", 3, "analysis", "Seed 1 ends at 98.33 %, the highest final of the three.", True),  # a rank after its figure
    ("alpha", 3, "analysis", "Seed 2 ends at 97.75 %, the highest final of the three.", False),
    # dev33's longer sentences in dev's register
    ("example", 1, "analysis", "With ~7.5k params and 15 epochs on the full train set (60k images), it ends at 98.81%, which "
     "is also its best (15th epoch).", True),  # "train set": the data, not train's figure
    ("example", 2, "analysis", "The min of the last 3 epochs is 99.35%, about 0.7 points above Model_1's 98.61%, but still "
     "below 99.4%, so the budget is not met.", True),
    ("example", 2, "analysis", "The min of the last 3 epochs is 99.35%, about 0.7 points above Model_1's 98.61%, but still "
     "above 99.3%, so the budget is met.", False),
    ("alpha", 1, "analysis", "The training is not stable in the last 3 epochs (53.76 to 86.29), and the LR was never cut.",
     True),  # "the training": the run, not train's curve
    ("alpha", 2, "analysis", "Test loss fell from 0.71 after the first epoch to 0.11 at epoch 4 and 0.05 at epoch 5, the first "
     "epoch after the LR cut.", True),
    ("beta", 2, "analysis", "It holds 91.9% over the last 3 epochs but 96.5% only over the last 2, so the budget fails.", True),
    ("beta", 2, "analysis", "It holds 92.9% over the last 3 epochs but 96.5% only over the last 2, so the budget fails.",
     False),  # 91.98
    # dev34-36: seeds listed with their figures, counterfactuals, losses beside settings, leads and ranks
    ("alpha", 3, "analysis", "Not every seed reached 97% by epoch 4: only seed 1 and seed 2 did so (97.13 and 97.19).", True),
    ("alpha", 3, "analysis", "Not every seed reached 97% by epoch 4: only seed 1 and seed 2 did so (97.19 and 97.13).", False),
    ("alpha", 3, "analysis", "Best and final are the same: 97.98, 98.33 and 97.75 for seeds 0, 1 and 2.", True),
    ("alpha", 3, "analysis", "Best and final are the same: 97.98, 97.75 and 98.33 for seeds 0, 1 and 2.", False),
    ("alpha", 3, "analysis", "Only seed 0 failed to reach 97 % by epoch 4, whereas seeds 1 and 2 were already at 97.13 % and "
     "97.19 % respectively at that epoch.", True),
    ("alpha", 3, "analysis", "Only seed 0 failed to reach 97 % by epoch 4, whereas seeds 1 and 2 were already at 98.25 % and "
     "97.19 % respectively at that epoch.", False),  # 98.25: seed 1 at epoch 5
    ("alpha", 1, "analysis", "Had the run been stopped after epoch 4, its best test accuracy would have been 11.35 %.", True),
    ("alpha", 1, "analysis", "Had the run been stopped after epoch 4, its best test accuracy would have been 38.49 %.", False),
    ("beta", 2, "analysis", "The final test loss of 0.087 is 0.016 higher than step 1's 0.071.", True),
    ("beta", 2, "analysis", "The final test loss of 0.087 is 0.026 higher than step 1's 0.071.", False),
    ("example", 1, "analysis", "With batch size 128 and a constant LR of 0.01 the test loss reached its lowest value, 0.0422, "
     "in the last epoch.", True),  # 0.01 the rate's, "value" no validation loss
    ("example", 1, "analysis", "With batch size 128 and a constant LR of 0.01 the test loss reached its lowest value, 0.0401, "
     "in the last epoch.", False),  # train's lowest
    ("example", 1, "analysis", "Its first epoch ended at 58.89 % test accuracy with a test loss of 1.25.", True),
    ("example", 1, "analysis", "Its first epoch ended at 93.89 % test accuracy with a test loss of 1.25.", False),  # epoch 2
    ("alpha", 2, "analysis", "At the end train is 0.54 points ahead: 99.03% against 98.49%.", True),
    ("alpha", 2, "analysis", "At the end train is 0.54 points ahead: 98.49% against 99.03%.", False),
    ("gamma", 2, "analysis", "Train is ahead of test by 1.53 points at the end.", True),
    ("gamma", 2, "analysis", "Train is ahead of test by 0.60 points at the end.", False),  # the mean of the last 3
    ("alpha", 1, "analysis", "Digit 8 is the second-worst class with 279 errors.", True),
    ("alpha", 1, "analysis", "Digit 0 is the second-worst class with 67 errors.", False),
    ("beta", 3, "analysis", "Digit 7 is the worst class now with 146 errors, while in step 2 it was digit 8 with 47.", True),
    ("beta", 3, "analysis", "Digit 7 is the worst class now with 146 errors, while in step 2 it was digit 0 with 39.", False),
    ("alpha", 3, "analysis", "Even step 3's worst seed at the end (seed 2, 97.75%) is 11.46 points above step 1's final.", True),
    ("alpha", 3, "analysis", "Even step 3's worst seed at the end (seed 2, 97.75%) is 43.43 points above step 1's final.",
     False),  # the min of the last 3's gain
    ("gamma", 3, "analysis", "Step 3's worst seed still beats step 2's final: seed 0 ends at 97.51% against 96.92%.", True),
    ("gamma", 3, "analysis", "Step 3's worst seed still beats step 2's final: seed 0 ends at 97.51% against 98.12%.", False),
    ("beta", 3, "analysis", "On seed 1 the accuracy collapsed to 83.37 % at epoch 3 before recovering to 97.15 %.", True),
    ("beta", 3, "analysis", "On seed 1 the accuracy collapsed to 83.37 % at epoch 3 before recovering to 97.51 %.", False),
    ("gamma", 3, "analysis", "Each of the three seeds ended above 97.5%, and two of them, seeds 1 and 2, above 98%.", True),
    ("gamma", 3, "analysis", "Each of the three seeds ended above 97.5%, and two of them, seeds 1 and 2, above 98.2%.", False),
    ("example", 1, "analysis", "The test loss went down in every one of the 15 epochs.", False),  # up at epoch 13
    ("gamma", 2, "analysis", "Test is above train in epochs 1 and 3 and at the end.", False),  # not at the end
    ("gamma", 2, "analysis", "Test is above train in epochs 1 and 3 but not at the end.", True),
    ("gamma", 3, "analysis", "Seed 2 held 97.7 % over the last 3 epochs, with a minimum of 97.77 %.", True),
    ("gamma", 3, "analysis", "Seed 2 held 97.7 % over the last 3 epochs, with a minimum of 97.79 %.", False),
    ("beta", 3, "analysis", "Seed 0 dropped from 96.47% at epoch 3 to 93.48% at the end, which is about 3.9 points worse than "
     "Model_2's final accuracy.", True),
    ("beta", 3, "analysis", "Seed 0 dropped from 96.47% at epoch 3 to 93.48% at the end, which is about 2.9 points worse than "
     "Model_2's final accuracy.", False),
    ("beta", 1, "analysis", "Test accuracy kept improving every epoch as the test loss fell from 0.37 to 0.07.", True),
    ("beta", 2, "analysis", "Test accuracy kept improving every epoch as the test loss fell from 0.57 to 0.09.", False),
    # dev37 and dev38's kinds (their arrival at 36f29db: 87.5 / 94.1 and 80.0 / 93.3)
    ("example", 2, "analysis", "Final test loss is lower than in step 1: 0.0185 against 0.0422.", True),  # this step's first
    ("example", 2, "analysis", "Final test loss is lower than in step 1: 0.0422 against 0.0185.", False),
    ("gamma", 2, "analysis", "The final test loss is lower than Model_1's: 0.101 against 0.128.", True),
    ("gamma", 2, "analysis", "The final test loss is lower than Model_1's: 0.101 against 0.138.", False),
    ("example", 2, "analysis", "Train accuracy first went above 99% at epoch 6 (99.12%).", True),  # train's, not test's
    ("example", 2, "analysis", "Train accuracy first went above 99% at epoch 6 (99.10%).", False),  # 99.10 is test's
    ("alpha", 1, "analysis", "For the first 4 epochs the test loss stays between 2.30 and 2.35.", True),
    ("alpha", 1, "analysis", "For the first 5 epochs the test loss stays between 2.30 and 2.35.", False),  # epoch 5: 1.80
    ("gamma", 1, "analysis", "The test loss barely moved in the last epoch (0.1286 to 0.1279).", True),
    ("gamma", 1, "analysis", "The test loss barely moved in the last epoch (0.1279 to 0.1286).", False),
    ("beta", 3, "analysis", "The validation split left 7,000 images for training.", True),
    ("beta", 3, "analysis", "The validation split left 8,000 images for training.", False),
    ("alpha", 3, "analysis", "Seed 2 had the best start, 81.71% after epoch 1.", True),  # epoch 1's rank
    ("alpha", 3, "analysis", "Seed 0 had the best start, 74.37% after epoch 1.", False),
    ("alpha", 3, "analysis", "Seed 2 was the highest at epoch 1, with 81.71%.", True),
    ("alpha", 3, "analysis", "Seed 1 was the highest at epoch 1, with 68.74%.", False),  # the lowest there
    ("beta", 3, "analysis", "Seed 1 had the highest best accuracy, 97.15% at epoch 5.", True),
    ("beta", 3, "analysis", "Seed 1 had the highest best accuracy, 97.15% at epoch 4.", False),  # its best came at 5
    ("gamma", 3, "analysis", "Still below 99.4% in the last 3 epochs on every seed, so the budget is not met on any of the 3 "
                             "seeds.", True),
    ("gamma", 3, "analysis", "The budget was met on any of the 3 seeds.", False),
    ("beta", 3, "analysis", "On seed 1 the model learns unevenly in the first 3 epochs: test accuracy stays under 92% up to "
                            "epoch 3.", True),  # seed 1's, said a clause before
    ("beta", 3, "analysis", "On seed 0 the model learns unevenly in the first 3 epochs: test accuracy stays under 92% up to "
                            "epoch 3.", False),  # seed 0: 96.47 at epoch 3
    ("alpha", 3, "analysis", "The StepLR cut after epoch 4 kept working to the end: 95.90% before it and 97.98% at epoch 6.",
     True),
    ("alpha", 3, "analysis", "The step decay after epoch 4 paid off: accuracy went from 95.90% before the cut to 97.98% after "
                             "it.", False),  # epoch 5: 97.93
    ("alpha", 3, "analysis", "With dropout train is ahead of test only by 0.1 points on average over the last 3 epochs.", True),
    ("alpha", 3, "analysis", "With dropout train is ahead of test only by 0.6 points on average over the last 3 epochs.", False),
    ("beta", 1, "analysis", "Test accuracy is above train only in the first epoch, and below it from epoch 2 on.", True),
    ("beta", 1, "analysis", "Test accuracy is above train only in the first 2 epochs, and below it from epoch 3 on.", False),
    ("example", 3, "analysis", "Test accuracy is above train in the first 13 epochs and falls just below it in the last 2.",
     True),
    ("example", 3, "analysis", "Test accuracy is above train in the first 13 epochs and falls just below it in the last 3.",
     False),
    ("beta", 3, "analysis", "Test accuracy is above train only in the first epoch and at epochs 3 and 4.", True),
    ("beta", 3, "analysis", "Test accuracy is above train only in the first epoch and at epochs 3 and 5.", False),
    ("alpha", 2, "analysis", "Train is ahead of test by 0.7 points on average over the last 3 epochs, with batch norm and the "
                             "rate cut.", True),  # "by 0" is no cut's factor
    ("beta", 3, "analysis", "The wider layers came with a lower rate.", True),  # 0.05 against step 2's 0.1
    ("beta", 3, "analysis", "The wider layers came with a higher rate.", False),
    ("example", 2, "analysis", "The one-cycle scheduler never held the LR still: it rose at every epoch up to epoch 5 and fell "
                               "at every one after, to 0.002 at epoch 15.", True),
    ("alpha", 1, "analysis", "The scheduler never held the LR still.", False),  # constant 0.05
    ("alpha", 3, "analysis", "In step 3 the StepLR schedule again kept the LR at 0.05 for the first 4 epochs and then brought "
                             "it down tenfold, to 0.005.", True),  # this step's, not a plan
    ("alpha", 1, "analysis", "The schedule kept the LR at 0.05 for the first 4 epochs and then brought it down tenfold, to "
                             "0.005.", False),
    ("example", 2, "analysis", "Digit 6, with 15 errors, is where the model struggles most.", True),
    ("example", 2, "analysis", "Digit 5, with 8 errors, is where the model struggles most.", False),
    ("beta", 1, "analysis", "At the start of epoch 4 the rate was 0.055.", True),
    ("beta", 1, "analysis", "At the start of epoch 4 the rate was 0.09.", False),  # epoch 2's
    # dev39 and dev40's kinds (their arrival: 84.6 / 94.9 and 70.4 / 82.2)
    ("alpha", 3, "analysis", "None of the three seeds beat step 2's final accuracy of 98.49%.", True),  # each seed's final
    ("alpha", 3, "analysis", "All three seeds beat step 2's final accuracy of 98.49%.", False),
    ("alpha", 3, "analysis", "Seed 1 finished 0.35 points above seed 0 (98.33% against 97.98%).", True),
    ("alpha", 3, "analysis", "Seed 1 finished 0.35 points above seed 0 (97.98% against 98.33%).", False),  # swapped
    ("gamma", 3, "analysis", "On seed 0 the test accuracy dropped to 92.09% at epoch 2, more than 4 points under seed 1's "
                             "96.45% at the same epoch.", True),  # the two seeds at the epoch said
    ("alpha", 2, "analysis", "The final test loss went from 0.409 in step 1 to 0.050.", True),  # "to" names this step's
    ("alpha", 2, "analysis", "The final test loss went from 0.409 in step 1 to 0.060.", False),
    ("example", 2, "analysis", "Digit 3 fell from 15 errors to only 2.", True),
    ("example", 2, "analysis", "Digit 3 fell from 16 errors to only 2.", False),
    ("gamma", 2, "analysis", "Test was 0.07 points ahead of train in step 1; now train is 0.60 points ahead.", True),
    ("gamma", 2, "analysis", "Test was 0.17 points ahead of train in step 1; now train is 0.60 points ahead.", False),
    ("example", 3, "analysis", "Over the last 3 epochs train is 0.4 points ahead of test on average, as in step 2.", False),
    ("beta", 3, "analysis", "Step 3 trained the same 5 epochs as step 2, but with 1,000 of the images held out for "
                            "validation.", True),
    ("beta", 3, "analysis", "Step 3 trained the same 5 epochs as step 2, but with 2,000 of the images held out for "
                            "validation.", False),
    ("alpha", 1, "result", "Errors: 495 on digit 2, 279 on digit 8", True),  # each digit's, not the total
    ("alpha", 1, "result", "Errors: 495 on digit 2, 297 on digit 8", False),
    ("beta", 3, "analysis", "Seed 2 held 89.5% in each of the last 3 epochs and finished at 95.37%.", True),  # its final
    ("beta", 3, "analysis", "Seed 2 held 89.5% in each of the last 3 epochs and finished at 95.57%.", False),
    ("gamma", 1, "analysis", "Test leads train by 0.07 points, averaged over the last 3 epochs.", True),
    ("gamma", 1, "analysis", "Test leads train by 0.17 points, averaged over the last 3 epochs.", False),
    ("example", 2, "analysis", "The final test loss is less than half of step 1's: 0.0185 against 0.0422.", True),
    ("example", 2, "analysis", "The final test loss is less than half of step 1's: 0.0185 against 0.0522.", False),
    ("example", 3, "analysis", "Test accuracy hardly noticed the end of augmentation: 99.57% at epoch 12 and 99.56% at epoch "
                               "13.", True),  # the epochs said, not the end
    ("example", 3, "analysis", "Test accuracy hardly noticed the end of augmentation: 99.57% at epoch 11 and 99.56% at epoch "
                               "13.", False),
    ("example", 1, "analysis", "Epochs 13 and 14 both ended at 98.61%, before the last epoch reached 98.81%.", True),
    ("example", 1, "analysis", "Epochs 13 and 14 both ended at 98.71%, before the last epoch reached 98.81%.", False),
    ("beta", 1, "analysis", "Epochs 3 and 4 gave 95.75% and 95.94%.", True),  # each its epoch, in order
    ("beta", 1, "analysis", "Epochs 3 and 4 gave 95.94% and 95.75%.", False),
    ("example", 1, "analysis", "At epoch 5 train caught up with test (96.94% against 96.87%).", True),
    ("example", 1, "analysis", "At epoch 5 train caught up with test (96.87% against 96.94%).", False),
    ("gamma", 1, "analysis", "Test led train for the first 3 epochs, and train led only at epoch 4, 96.84% against "
                             "96.14%.", True),  # the lead's own subject, not the clause before's
    ("gamma", 1, "analysis", "Test led train for the first 3 epochs, and train led only at epoch 4, 96.14% against "
                             "96.84%.", False),
    ("example", 2, "analysis", "Sevens and eights both had 19 errors in step 1; both are down to 7 now.", True),
    ("example", 2, "analysis", "Sevens and eights both had 19 errors in step 1; both are down to 9 now.", False),
    ("alpha", 3, "analysis", "The sevens and nines went from 21 errors each to 36 each.", True),
    ("alpha", 3, "analysis", "The sevens and nines went from 21 errors each to 35 each.", False),
    ("alpha", 3, "analysis", "The worst class moved from digit 3 in step 2 to digit 9.", True),
    ("alpha", 3, "analysis", "The worst class moved from digit 7 in step 2 to digit 9.", False),
    ("beta", 3, "analysis", "The worst class is now 7, where step 2's was 8.", True),
    ("beta", 3, "analysis", "The worst class is now 7, where step 2's was 9.", False),
    ("example", 2, "analysis", "Train was 0.03 points ahead of test in step 1 and is 0.37 points ahead now.", True),
    ("example", 2, "analysis", "Train was 0.03 points ahead of test in step 1 and is 0.47 points ahead now.", False),
    ("gamma", 3, "analysis", "After epoch 1 the seeds were all between 94.53% and 94.69%.", True),
    ("gamma", 3, "analysis", "After epoch 1 the seeds were all between 94.53% and 94.79%.", False),
    ("beta", 1, "analysis", "Test accuracy barely moved from epoch 3 to epoch 4, 95.75% to 95.94%, then reached 98.00% in the "
                            "last epoch.", True),
    ("beta", 1, "analysis", "Test accuracy barely moved from epoch 3 to epoch 4, 95.75% to 95.94%, then reached 98.10% in the "
                            "last epoch.", False),
    ("example", 3, "result", "Seeds 0, 2 and 3 - min of the last 3: 99.54 / 99.54 / 99.51%", True),
    ("example", 3, "result", "Seeds 0, 2 and 3 - min of the last 3: 99.51 / 99.54 / 99.54%", False),
    ("alpha", 3, "result", "Seeds 0-2: min of the last 3 = 95.90 / 97.13 / 97.19", True),
    ("alpha", 3, "result", "Seeds 0-2: min of the last 3 = 95.90 / 97.19 / 97.13", False),
    ("example", 2, "result", "Per-class accuracy - 5: 99.10%, 9: 99.21%, 2: 99.42%", True),
    ("example", 2, "result", "Per-class accuracy - 5: 99.10%, 9: 99.21%, 2: 99.32%", False),
    ("gamma", 1, "analysis", "Epoch 4 added little: 95.99% to 96.14%.", True),
    ("gamma", 1, "analysis", "Epoch 4 added little: 95.99% to 96.24%.", False),
    ("beta", 3, "analysis", "None of its three seeds held 99.4%.", True),
    ("beta", 3, "analysis", "None of its three seeds held 89%.", False),
    ("beta", 3, "analysis", "Seed 1 recovered to 96.46% and 97.15% in the last two epochs.", True),
    ("beta", 3, "analysis", "Seed 1 recovered to 96.46% and 97.25% in the last two epochs.", False),
    ("beta", 3, "analysis", "Seed 0 slid to 96.23% and then 93.48% in the last two epochs.", True),
    ("beta", 3, "analysis", "Seed 0 slid to 96.23% and then 93.58% in the last two epochs.", False),
    ("example", 3, "analysis", "The parameters are the same as in step 2 (7,568), which is 68 more than Model_1's.", True),
    ("example", 3, "analysis", "The parameters are the same as in step 2 (7,568), which is 58 more than Model_1's.", False),
    ("alpha", 3, "analysis", "The parameter count stayed at 7,578, the same as step 2.", True),
    ("alpha", 3, "analysis", "The parameter count stayed at 7,568, the same as step 2.", False),
    ("alpha", 3, "analysis", "Digits 9 and 7 have 36 errors each, with 9 the weakest class at 96.43%.", True),
    ("alpha", 3, "analysis", "Digits 9 and 7 have 36 errors each, with 7 the weakest class at 96.43%.", False),
    ("alpha", 3, "analysis", "Digit 5 went from 9 errors down to 7.", True),
    ("alpha", 3, "analysis", "Digit 5 went from 9 errors down to 6.", False),
    ("example", 2, "analysis", "Digit 8, the worst class of Model_1 with 19 errors, is down to 7 errors.", True),
    ("example", 2, "analysis", "Digit 8, the worst class of Model_1 with 18 errors, is down to 7 errors.", False),
    ("alpha", 3, "analysis", "All three seeds ended above 97.5%, and 2 of the 3 had reached 97% by epoch 4.", True),
    ("alpha", 3, "analysis", "All three seeds ended above 97.5%, and 3 of the 3 had reached 97% by epoch 4.", False),
    ("example", 3, "analysis", "Train accuracy rose to 99.48% at epoch 13, and it ended at 99.61% in the 15th epoch.", True),
    ("example", 3, "analysis", "Train accuracy rose to 99.48% at epoch 13, and it ended at 99.71% in the 15th epoch.", False),
    ("alpha", 1, "analysis", "Nothing was learned in the first 4 epochs, where test accuracy stayed under 12% and the test loss "
                             "never fell below 2.30.", True),
    ("alpha", 1, "analysis", "Nothing was learned in the first 4 epochs, where test accuracy stayed under 12% and the test loss "
                             "never fell below 2.31.", False),
    ("alpha", 1, "analysis", "The rate stayed at 0.05 for all 8 epochs, and for the first 4 of them test accuracy only moved "
                             "between 7.16% and 11.35%.", True),
    ("alpha", 1, "analysis", "The rate stayed at 0.05 for all 8 epochs, and for the first 4 of them test accuracy only moved "
                             "between 7.16% and 12.35%.", False),
    ("example", 2, "analysis", "Train accuracy after the first epoch went from 20.10% in step 1 to 92.02%.", True),
    ("example", 2, "analysis", "Train accuracy after the first epoch went from 20.10% in step 1 to 92.12%.", False),
    ("example", 2, "analysis", "The best test accuracy improved by about 0.6 points on Model_1, from 98.81 % to 99.42 %.", True),
    ("example", 2, "analysis", "The best test accuracy fell by about 0.6 points on Model_1, from 98.81 % to 99.42 %.", False),
    ("gamma", 2, "analysis", "The rate was constant at 0.002 with Adam in step 1.", True),  # that step's rate
    ("gamma", 2, "analysis", "The rate was constant at 0.003 with Adam in step 1.", False),
    ("beta", 3, "analysis", "The rate stayed at 0.05 in all 5 epochs, where the one-cycle of step 2 went up to 0.092.", True),
    ("beta", 3, "analysis", "The rate stayed at 0.05 in all 5 epochs, where the one-cycle of step 2 went up to 0.12.", False),
    ("gamma", 2, "analysis", "Both runs kept a constant rate: 0.002 with Adam in step 1, 0.05 with SGD here.", True),
    ("gamma", 2, "analysis", "Both runs kept a constant rate: 0.002 with Adam in step 1, 0.01 with SGD here.", False),
    ("gamma", 3, "analysis", "None of the seeds held 97% over the last 3 epochs except seed 2.", True),
    ("gamma", 3, "analysis", "None of the seeds held 97% over the last 3 epochs except seed 1.", False),
    ("beta", 3, "analysis", "Digit 3 went from 15 errors in step 2 to only 2, the best class of step 3.", True),
    ("beta", 3, "analysis", "Digit 3 went from 15 errors in step 2 to only 2, the worst class of step 3.", False),
    ("alpha", 3, "analysis", "Seed 1 is the best of the three at the end (98.33%) but is still 0.16 points under step 2's "
                             "final of 98.49%.", True),  # the seed named before "but is still"
    ("alpha", 3, "analysis", "Seed 1 is the best of the three at the end (98.33%) but is still 0.26 points under step 2's "
                             "final of 98.49%.", False),
    ("beta", 2, "analysis", "The min of the last 3 fell to 91.98 % from step 1's 95.75 %.", True),  # this step's, then that one's
    ("beta", 2, "analysis", "The min of the last 3 fell to 91.88 % from step 1's 95.75 %.", False),
    ("beta", 2, "analysis", "The train loss fell in every epoch but ended at 0.116, well above step 1's 0.065.", True),
    ("beta", 2, "analysis", "The train loss fell in every epoch but ended at 0.126, well above step 1's 0.065.", False),
    ("alpha", 2, "analysis", "Across the rate cut after epoch 4 the test loss more than halved, from 0.111 to 0.052.", True),
    ("alpha", 2, "analysis", "Across the rate cut after epoch 4 the test loss more than halved, from 0.121 to 0.052.", False),
    ("beta", 3, "analysis", "Best test is 0.86 points below step 2's, the final 3.85 below.", True),  # the same step, elided
    ("beta", 3, "analysis", "Best test is 0.86 points below step 2's, the final 3.58 below.", False),
    ("gamma", 2, "result", "Lowest test loss 0.065 (ep 3); final 0.101", True),  # the loss's final, not an accuracy
    ("gamma", 2, "result", "Lowest test loss 0.065 (ep 3); final 0.111", False),
    ("gamma", 3, "analysis", "Compared to the first model the final accuracy is 1.37 points higher.", True),  # model 1
    ("gamma", 3, "analysis", "Compared to the first model the final accuracy is 1.73 points higher.", False),
    ("alpha", 3, "analysis", "Even seed 2, the lowest at the end, is less than 1 point below Model_2's final.", True),
    ("alpha", 3, "analysis", "Even seed 1, the lowest at the end, is less than 1 point below Model_2's final.", False),
    ("beta", 2, "analysis", "The first epoch was at 82.89%, then it fell to 76.92% in epoch 2 before climbing every epoch.",
     True),  # every epoch from epoch 2 on
    ("beta", 2, "analysis", "The first epoch was at 82.89%, then it fell to 91.98% in epoch 3 before climbing every epoch.",
     False),
    ("beta", 3, "analysis", "Seed 1 is anything but stable at the end: 83.37%, 96.46% and 97.15% over epochs 3-5.", True),
    ("beta", 3, "analysis", "Seed 1 is anything but stable at the end: 83.37%, 96.46% and 97.51% over epochs 3-5.", False),
    ("alpha", 1, "analysis", "For 4 epochs the test accuracy stays around chance, between 7% and 12%.", True),  # the first 4
    ("alpha", 1, "analysis", "For 5 epochs the test accuracy stays around chance, between 7% and 12%.", False),
    ("alpha", 1, "analysis", "Eights are the second problem after the 2s, with 279 errors.", True),  # the second worst
    ("alpha", 1, "analysis", "Eights are the second problem after the 2s, with 297 errors.", False),
    ("alpha", 1, "analysis", "Sixes are the second problem after the 2s, with 279 errors.", False),
    ("alpha", 3, "analysis", "The worst digit is 9 at 96.43%, just behind 7 at 96.5%.", True),  # 7's own figure
    ("alpha", 3, "analysis", "The worst digit is 9 at 96.43%, just behind 7 at 96.6%.", False),
    ("gamma", 2, "analysis", "GAP made it better than step 1 at the end.", None),  # new in step 2, among 19 changes
    ("gamma", 3, "analysis", "GAP made it better than step 2 at the end.", False),  # not new in step 3
    ("alpha", 3, "analysis", "The gap is smaller than 2 points.", True),
    ("alpha", 3, "analysis", "The gap is larger than 2 points.", False),
    ("alpha", 3, "analysis", "Thanks to dropout the gap is smaller than in step 2.", None),  # inside the noise
    ("example", 3, "analysis", "Test is a bit above step 2 at the end, 99.55% vs 99.41%.", None),  # step 2's pair: noise
    ("example", 3, "analysis", "Test is above step 2 at the end, 99.55% vs 99.43%.", False),
    ("beta", 1, "analysis", "Test accuracy rose in every epoch, from 90.37% to 98.00%.", True),  # the run's first to its last
    ("beta", 1, "analysis", "Test accuracy rose in every epoch, from 92.17% to 98.00%.", False),  # 92.17 is epoch 2's
    ("beta", 1, "analysis", "Test accuracy rose in every epoch, from 90.37% in epoch 1 to 98.00% in the last epoch.", True),
    ("beta", 1, "analysis", "Test accuracy rose in every epoch, from 90.37% in epoch 1 to 95.94% in the last epoch.", False),
    ("gamma", 3, "analysis", "The last 3 epochs are not stable yet (92.36 to 97.51).", True),  # the span's ends
    ("gamma", 3, "analysis", "The last 3 epochs are not stable yet (94.18 to 97.51).", False),
    ("gamma", 3, "analysis", "Not stable: seed 0 goes from 92.36% to 97.51% in the last 3 epochs.", True),
    ("gamma", 3, "analysis", "Not stable: seed 0 goes from 92.09% to 97.51% in the last 3 epochs.", False),
    ("alpha", 2, "analysis", "The train accuracy is not stable yet over the last 3 epochs (97.70 to 99.03).", True),  # train's
    ("alpha", 2, "analysis", "The train accuracy is stable over the last 3 epochs (97.70 to 99.03).", False),
    ("beta", 3, "analysis", "Seed 0 fell from 96.23% to 93.48% in the last epoch.", True),  # epoch 4 to epoch 5
    ("beta", 3, "analysis", "Seed 0 fell from 96.47% to 93.48% in the last epoch.", False),
    ("alpha", 2, "analysis", "Just after the cut the test accuracy was 98.40%.", True),  # epoch 5, the first on the lower rate
    ("alpha", 2, "analysis", "Just after the cut the test accuracy was 98.49%.", False),
    ("example", 2, "analysis", "At epoch 4 train accuracy was ahead of test: 98.79% against 98.58%.", True),  # both at epoch 4
    ("example", 2, "analysis", "At epoch 4 train accuracy was ahead of test: 98.79% against 98.60%.", False),  # 98.60: epoch 3
    ("gamma", 3, "analysis", "Seed 1 is the best of the three seeds, finishing at 98.34%.", True),  # the finals ranked
    ("gamma", 3, "analysis", "Seed 2 is the best of the three seeds, finishing at 98.34%.", False),
    ("gamma", 2, "result", "Best test about 98 % (98.12 % at epoch 3).", True),  # the epoch said in the brackets
    ("gamma", 2, "result", "Best test about 98 % (98.12 % at epoch 4).", False),
    ("gamma", 1, "result", "Final test acc: ~96.0%", True),  # 96.14: 96.1 at one decimal, one unit from 96.0
    ("gamma", 1, "result", "Final test acc: ~95.9%", False),
    ("gamma", 1, "result", "Best Test Accuracy: roughly 96.0", True),
    ("gamma", 1, "result", "Best test accuracy about 94.3%", False),  # 94.27 is epoch 2's, not the best
    ("example", 1, "result", "Min of the last 3 epochs: ~98.5%", True),
    ("example", 1, "result", "Min of the last 3 epochs: ~98.4%", False),
    ("beta", 3, "result", "Best train acc ~96.3 % (final epoch).", True),  # the "~" kept beside "(final epoch)": 96.21
    ("beta", 3, "result", "Best train acc ~96.0 % (final epoch).", False),
    ("example", 2, "result", "Train/Test: 99.79/99.41 (last epoch)", True),  # the role said once for both
    ("example", 2, "result", "Train/Test: 99.78/99.41 (last epoch)", False),  # 99.78 is train's at epoch 14
    ("example", 2, "result", "Train/Test: 99.79/99.41 (epoch 15)", True),
    ("example", 2, "result", "Train acc 99.79% at the end, test 99.41%", True),  # the end's too
    ("example", 2, "result", "Train acc 99.79% at the end, test 99.42%", False),  # 99.42 is the best, at epoch 14
    ("gamma", 2, "analysis", "LR 0.05 in epochs 1-5, StepLR never cut it to 0.005.", True),  # the cut denied, to that rate
    ("gamma", 2, "analysis", "StepLR cut it to 0.005.", False),
    ("gamma", 2, "analysis", "Test peaks at 98.12% at epoch 3, but falls to 96.92% by the end as the LR never drops.", True),
    ("gamma", 2, "analysis", "Test peaks at 98.12% at epoch 3, but falls to 97.05% by the end as the LR never drops.", False),
    ("alpha", 1, "analysis", "The first 4 epochs are wasted; after that the accuracy rises every epoch up to 86.29%.", True),
    ("alpha", 1, "analysis", "The first 4 epochs are wasted; after that the accuracy rises every epoch up to 81.71%.", False),
    ("alpha", 1, "analysis", "Nothing happens for 4 epochs (test under 12%), then test jumps to 38.49% at epoch 5.", True),
    ("alpha", 1, "analysis", "Nothing happens for 5 epochs (test under 12%).", False),
    ("example", 1, "analysis", "Test accuracy was 58.89 % at the end of epoch 1 and 93.89 % after epoch 2.", True),
    ("example", 1, "analysis", "Test accuracy was 93.89 % at the end of epoch 1.", False),
    ("example", 1, "analysis", "In fact train accuracy was below test accuracy in 12 of the 15 epochs.", True),
    ("example", 1, "analysis", "In fact train accuracy was below test accuracy in 11 of the 15 epochs.", False),
    ("example", 2, "analysis", "The parameter count went up by only 68, because batch norm adds 136 parameters.", _PARTLY),
    ("example", 2, "analysis", "The parameter count went up by only 86.", False),
    ("example", 3, "analysis", "The weakest digit on seed 0 is still the 6, at 98.96 % with 10 errors.", True),  # the step's own
    ("example", 3, "analysis", "The weakest digit on seed 0 is still the 6, at 98.96 % with 11 errors.", False),
    ("example", 1, "analysis", "Per digit, the 8 was the weakest at 98.05 % (19 errors), with the 7 just behind at "
                               "98.15 %.", True),
    ("example", 1, "analysis", "Per digit, the 3 was the weakest at 98.05 % (19 errors), with the 7 just behind at "
                               "98.15 %.", False),
    ("example", 2, "analysis", "The one-cycle rate rose from 0.01 at the start of epoch 1 to 0.0999 at the start of epoch 5 and "
                               "then fell back to 0.002 by the start of epoch 15.", True),
    ("example", 2, "analysis", "The one-cycle rate rose from 0.01 at the start of epoch 1 to 0.0999 at the start of epoch 5 and "
                               "then held at that peak for the rest of the run.", False),
    ("gamma", 1, "analysis", "Test went up each epoch but the steps got smaller: +2.39, +1.72, +0.15.", True),  # each epoch's
    ("gamma", 1, "analysis", "Test went up each epoch but the steps got smaller: +2.39, +1.62, +0.15.", False),
    ("gamma", 3, "analysis", "8 is still the worst digit with 111 errors, 43 of them read as 0.", True),  # recorded
    ("gamma", 3, "analysis", "8 is still the worst digit with 111 errors, 45 of them read as 0.", False),
    ("gamma", 3, "analysis", "8 is still the worst digit with 114 errors, 43 of them read as 0.", False),
    ("gamma", 3, "analysis", "Widest gap after epoch 1 is at epoch 3: train 4.78 ahead of test.", True),  # of that epoch
    ("gamma", 3, "analysis", "Widest gap after epoch 1 is at epoch 3: train 3.29 ahead of test.", False),
    ("beta", 2, "analysis", "Augmentation narrowed the train-test gap compared with step 1.", None),  # inside the noise
    ("gamma", 3, "analysis", "Rotation gave a smaller train-test gap than step 2.", False),
    ("example", 1, "analysis", "Its train loss at epoch 1 was 2.13, not far below the 2.30 of pure guessing.", _PARTLY),
    ("example", 1, "analysis", "Digit 8 is the weakest class (98.05%, 19 errors) and 0 the strongest with only 3 errors.", True),
    ("example", 1, "analysis", "Digit 8 is the weakest class (98.05%, 19 errors) and 0 the strongest with only 4 errors.", False),
    ("beta", 3, "analysis", "None of the 3 seeds holds even 94% over the last 3 epochs.", True),
    ("beta", 3, "analysis", "None of the 3 seeds holds even 93% over the last 3 epochs.", False),
    ("example", 1, "analysis", "Test accuracy went up every epoch until epoch 12 and then stayed between 98.61% and 98.81% over "
                               "the last 3 epochs.", True),  # the range of the last 3, not of epochs 1-12
    ("example", 1, "analysis", "Test accuracy went up every epoch until epoch 12 and then stayed between 98.64% and 98.81% over "
                               "the last 3 epochs.", False),
    ("example", 1, "analysis", "Model_1 ends at 98.81% after 15 epochs with train and test level.", True),  # test's, not train's
    ("example", 1, "analysis", "Model_1 ends at 98.78% after 15 epochs with train and test level.", False),
    ("example", 2, "analysis", "Test is above train only in the first 3 epochs and at epochs 5 and 7.", True),
    ("example", 2, "analysis", "Test is above train only in the first 3 epochs and at epochs 5 and 8.", False),
    ("beta", 2, "result", "Final Train Accuracy: 96.75%, Final Test Accuracy: 97.33% (test above train)", True),  # the last epoch
    ("beta", 2, "result", "Final Train Accuracy: 96.75%, Final Test Accuracy: 97.33% (train above test)", False),
    ("gamma", 2, "result", "Parameters: 8,000 (down from 14,410), images: 10,000, epochs: 5", True),  # each field its own
    ("gamma", 2, "result", "Parameters: 8,000 (down from 14,410), images: 5,000, epochs: 5", False),
    ("alpha", 2, "analysis", "Model_2 adds batch norm for 68 params and ends at 98.49%.", _PARTLY),  # a layer's share
    ("alpha", 2, "analysis", "Model_2 adds batch norm for 68 params and ends at 98.40%.", False),
    ("gamma", 1, "analysis", "Nines are the big problem (88.11%), 8 and 5 have 68 and 63 errors.", True),  # each its count
    ("gamma", 1, "analysis", "Nines are the big problem (88.11%), 8 and 5 have 63 and 68 errors.", False),
    ("beta", 2, "analysis", "Digits 0 and 9 both have 39 errors, second only to 8 with 47.", True),
    ("beta", 2, "analysis", "Digits 0 and 9 both have 39 errors, second only to 2 with 47.", False),
    ("alpha", 3, "analysis", "Train is only 0.14 points ahead on average over the last 3 epochs (0.68 in Model_2).",
     _PARTLY),  # this step's gap; the bracket's, step 2's, unread - not the clause's step
    ("alpha", 3, "analysis", "Train is only 0.68 points ahead on average over the last 3 epochs (0.68 in Model_2).", False),
    ("beta", 3, "result", "Final test per seed: 93.48 / 97.15 / 95.37 (s0 / s1 / s2)", True),  # the seeds in order
    ("beta", 3, "result", "Final test per seed: 93.48 / 95.37 / 97.15 (s0 / s1 / s2)", False),
    ("beta", 3, "analysis", "Every seed ended above 93, mean final 95.33", True),  # the mean its own clause
    ("beta", 3, "analysis", "Every seed ended above 94, mean final 95.33", False),
    ("beta", 3, "analysis", "That is +2,854 params vs step 2, all from going 10 → 12 channels", _PARTLY),  # widths unread
    ("beta", 3, "analysis", "That is +2,584 params vs step 2", False),
    ("beta", 3, "analysis", "At ep5 train is back above test (gap 2.73), unlike step 2's last 2 ep", True),  # epoch 5's gap
    ("beta", 3, "analysis", "At ep5 train is back above test (gap 2.37), unlike step 2's last 2 ep", False),
    ("beta", 1, "analysis", "Train > val from ep2 on, gap 1.60 @ ep4 and 0.33 @ ep5", True),  # each epoch's gap
    ("beta", 1, "analysis", "Train > val from ep2 on, gap 1.60 @ ep4 and 0.23 @ ep5", False),
    ("alpha", 1, "analysis", "Per digit, the 2 was by far the worst with 495 errors, most of them read as 3 (330) or as 7 (121).",
     _PARTLY),  # which digit they were read as: no record holds it
    ("alpha", 1, "analysis", "Per digit, the 8 was by far the worst with 495 errors, most of them read as 3 (330) or as 7 (121).",
     False),
    ("alpha", 1, "analysis", "Test stayed ahead of train from epoch 5 on and was still ahead at the end (86.29 % against "
                             "85.25 %).",
     True),  # test the subject, its figure first
    ("alpha", 1, "analysis", "Test stayed ahead of train from epoch 5 on and was still ahead at the end (85.25 % against "
                             "86.29 %).",
     True),  # the other order: "ahead" says which figure is test's, and both are the run's
    ("alpha", 1, "analysis", "Test stayed ahead of train from epoch 5 on and was still ahead at the end (85.25 % against "
                             "86.39 %).",
     False),  # test ended at 86.29
    ("alpha", 3, "analysis", "The final test averaged 98.02 % over the three seeds.", True),  # the seeds' mean final
    ("alpha", 3, "analysis", "The final test averaged 98.12 % over the three seeds.", False),
    ("beta", 1, "analysis", "Train > val at every epoch, gap 1.60 @ ep4 and 0.33 @ ep5", False),  # epoch 1: test ahead
    ("gamma", 3, "analysis", "Epoch 1 is much better than the 92.42% that Model_2 had in its first epoch.", True),  # step 2's
    ("gamma", 3, "analysis", "Epoch 1 is much better than the 92.24% that Model_2 had in its first epoch.", False),
    ("gamma", 3, "analysis", "Seed 0's min of the last 3 epochs is 92.36%, which is 4.56 points below the 96.92% of Model_2.",
     True),  # "which is": the min said before it
    ("gamma", 3, "analysis", "Seed 0's min of the last 3 epochs is 92.36%, which is 4.65 points below the 96.92% of Model_2.",
     False),
    ("alpha", 2, "analysis", "Train loss at the end is 0.041 and the test loss 0.050, while in the first epoch the test loss was "
                             "0.71 and the train loss 0.97.", True),  # the epoch said once, for both losses
    ("alpha", 2, "analysis", "Train loss at the end is 0.041 and the test loss 0.050, while in the first epoch the test loss was "
                             "0.71 and the train loss 0.87.", False),
    ("beta", 3, "analysis", "On seed 2 the model was slow all the way, 72.86% after the first epoch and still only 90.35% at "
                            "epoch 4.", True),  # "the model": still seed 2's run
    ("beta", 3, "analysis", "On seed 2 the model was slow all the way, 72.86% after the first epoch and still only 90.35% at "
                            "epoch 3.", False),
    ("gamma", 3, "analysis", "On seed 1 the first epoch gives 94.53% and it crosses 98% only at epoch 5 with 98.34%.", True),
    ("gamma", 3, "analysis", "On seed 1 the first epoch gives 94.53% and it crosses 98% only at epoch 4 with 98.34%.", False),
    ("example", 1, "analysis", "Test accuracy was above 98% from epoch 8 onwards and it improved in every epoch up to epoch 12.",
     True),
    ("example", 1, "analysis", "Test accuracy was above 98% from epoch 8 onwards and it improved in every epoch up to epoch 14.",
     False),
    ("alpha", 3, "analysis", "Seed 1 had the worst start with 68.74% but was at 96.03% already in epoch 2.", True),  # seed 1's
    ("alpha", 3, "analysis", "Seed 1 had the worst start with 68.74% but was at 96.03% already in epoch 3.", False),
    ("example", 2, "analysis", "It never falls below 99.35% in the last 3, which is really close but still under the required "
                               "99.4%.", True),  # the figure before the "which" against the line
    ("example", 2, "analysis", "It never falls below 99.35% in the last 3, which is really close but still above the required "
                               "99.4%.", False),
    ("alpha", 1, "result", "Best test accuracy - 86.29% (8th epoch), trained 8 epochs on 6,000 images", True),
    ("alpha", 1, "result", "Best test accuracy - 86.29% (8th epoch), trained 8 epochs on 7,000 images", False),
    ("beta", 3, "result", "Parameters: 9,574, 7,000 training images + 1,000 validation", True),  # the parameters not a count
    ("beta", 3, "result", "Parameters: 9,574, 6,000 training images + 1,000 validation", False),
    ("beta", 3, "analysis", "Only 2 of the 3 seeds ended above 95% (97.15% on seed 1 and 95.37% on seed 2), seed 0 stayed at "
                            "93.48%.", True),  # "ended": the finals, whatever seed 0 "stayed" at
    ("beta", 3, "analysis", "Only 2 of the 3 seeds ended above 96% (97.15% on seed 1 and 95.37% on seed 2), seed 0 stayed at "
                            "93.48%.", False),
    ("gamma", 1, "analysis", "The accuracy is still climbing in every epoch, from 94.27% at epoch 2 to 95.99% and 96.14%.", True),
    ("gamma", 1, "analysis", "The accuracy is still climbing in every epoch, from 94.27% at epoch 2 to 95.89% and 96.14%.",
     False),
    ("alpha", 1, "analysis", "The test is ahead of train in each of the last 3 epochs by about 6.5 points on average, and even "
                             "the train accuracy only reaches 85.25%.", True),
    ("alpha", 1, "analysis", "The test is ahead of train in each of the last 3 epochs by about 4.5 points on average, and even "
                             "the train accuracy only reaches 85.25%.", False),
    ("alpha", 2, "analysis", "The last 3 epochs have their min of 96.51% at epoch 4, and on average train is ahead of test by "
                             "0.68 points there.", True),  # "there": the span said before
    ("alpha", 2, "analysis", "The last 3 epochs have their min of 96.51% at epoch 4, and on average train is ahead of test by "
                             "0.38 points there.", False),
    ("beta", 2, "analysis", "The worst class is digit 8 with 47 errors, compared with only 28 errors for the eights in step 1.",
     True),
    ("beta", 2, "analysis", "The worst class is digit 8 with 47 errors, compared with only 38 errors for the eights in step 1.",
     False),
    ("gamma", 2, "analysis", "Digit 8 has 144 errors, more than twice the 68 errors it had in step 1.", True),
    ("gamma", 2, "analysis", "Digit 8 has 144 errors, more than twice the 78 errors it had in step 1.", False),
    ("gamma", 2, "analysis", "Digit 9 with 53 errors is not the worst class.", True),  # the rank denied
    ("gamma", 2, "analysis", "Digit 8 with 144 errors is not the worst class.", False),
    ("gamma", 2, "analysis", "Digit 9 with 53 errors is no longer the worst class like in step 1.", True),
    ("gamma", 2, "analysis", "Digit 7 with 18 errors is no longer the worst class like in step 1.", False),
    ("beta", 3, "analysis", "The model is under-fitting again (best train 96.21%, best test 96.47% on seed 0) and the gap is "
                            "almost zero.", True),  # "almost zero": no digit
    ("beta", 3, "analysis", "The model is under-fitting again (best train 96.21%, best test 96.57% on seed 0) and the gap is "
                            "almost zero.", False),
    ("beta", 2, "analysis", "The test accuracy after epoch 3 is 91.98% whereas the train is 94.73%.", True),  # epoch 3's train
    ("beta", 2, "analysis", "The test accuracy after epoch 3 is 91.98% whereas the train is 94.23%.", False),
    ("gamma", 2, "analysis", "Test accuracy reached 98% at epoch 3 with 98.12%, but then it fell in every epoch to 97.05% and "
                             "96.92% at the end.", True),  # every epoch after epoch 3; the last two epochs' figures
    ("gamma", 2, "analysis", "Test accuracy reached 98% at epoch 3 with 98.12%, but then it fell in every epoch to 97.15% and "
                             "96.92% at the end.", False),
    ("gamma", 1, "analysis", "Test accuracy is above train in the first 3 epochs, and only at epoch 4 the train gets ahead.",
     True),
    ("gamma", 1, "analysis", "Test accuracy is above train in the first 3 epochs, and only at epoch 3 the train gets ahead.",
     False),
    ("alpha", 2, "analysis", "So the test is above train only at the beginning and in epoch 2, from epoch 3 on the train is "
                             "ahead.", True),
    ("alpha", 2, "analysis", "So the test is above train only at the beginning and in epoch 2, from epoch 2 on the train is "
                             "ahead.", False),
    ("beta", 1, "analysis", "Train pulled ahead of test after the first epoch and stayed there.", True),  # from epoch 2 on
    ("beta", 1, "analysis", "Test pulled ahead of train after the first epoch and stayed there.", False),
    ("beta", 1, "analysis", "Val acc never went down (90.37 @ ep1 → 98.00 @ ep5), but ep3 → ep4 added only +0.19.", True),
    ("beta", 1, "analysis", "Val acc never went down (90.37 @ ep1 → 98.00 @ ep5), but ep3 → ep4 added only +0.29.", False),
    ("beta", 3, "analysis", "Test peaked @ ep3 (96.47) and val @ ep4 (96.3); both fell at ep5 (test 93.48, val 93.9).", True),
    ("beta", 3, "analysis", "Test peaked @ ep3 (96.47) and val @ ep4 (96.5); both fell at ep5 (test 93.48, val 93.9).", False),
    ("alpha", 3, "analysis", "In step 1 test had finished 1.04 points ahead.", True),  # of train, at step 1's end
    ("alpha", 3, "analysis", "In step 1 test had finished 1.44 points ahead.", False),
    ("alpha", 3, "analysis", "The cut after epoch 4 again gave a clear jump, from 95.90 % to 97.93 % (+2.03), more than step 2's "
                             "+1.89.", True),  # the jump at this step's cut against step 2's at its own
    ("alpha", 3, "analysis", "The cut after epoch 4 again gave a clear jump, from 95.90 % to 97.93 % (+2.03), less than step 2's "
                             "+1.89.", False),
    ("alpha", 3, "analysis", "Per digit the 3 improved to 98.91 %, but the 4 fell from 98.88 % to 97.15 %.", True),
    ("alpha", 3, "analysis", "Per digit the 3 improved to 98.91 %, but the 4 fell from 98.88 % to 97.55 %.", False),
    ("beta", 2, "analysis", "LR 0.01 at ep1 start, kept rising up to ep2 (0.092), then fell to 0.016 @ ep5.", True),
    ("beta", 2, "analysis", "LR 0.01 at ep1 start, kept rising up to ep3 (0.090), then fell to 0.016 @ ep5.", False),
    ("alpha", 2, "analysis", "The rate was cut from 0.05 to 0.005 after epoch 4, so the last two epochs ran at the low rate.",
     True),
    ("alpha", 2, "analysis", "The rate was cut from 0.05 to 0.005 after epoch 4, so all of the last three epochs ran at the low "
                             "rate.", False),
    ("beta", 2, "analysis", "vs step 1: best val 98.00 → 97.33 (-0.67).", True),  # the size beside the move
    ("beta", 2, "analysis", "vs step 1: best val 98.00 → 97.33 (-0.76).", False),
    ("alpha", 1, "analysis", "Seven of the twelve channels after the second conv were dead at the end, and one of the sixteen "
                             "after the third.", True),  # metrics.json's layers
    ("alpha", 1, "analysis", "Seven of the twelve channels after the second conv were dead at the end, and two of the sixteen "
                             "after the third.", False),
    ("gamma", 1, "analysis", "Digit 9 is clearly the weakest (88.11 %, 120 errors) and 76 of those nines were read as 4.", True),
    ("gamma", 1, "analysis", "Digit 9 is clearly the weakest (88.11 %, 120 errors) and 66 of those nines were read as 4.", False),
    ("gamma", 1, "analysis", "The most common confusion is a 9 read as 4, 76 times.", True),  # the run's `confused`, its rank too
    ("gamma", 1, "analysis", "The most common confusion is a 5 read as 3, 25 times.", False),
    ("gamma", 3, "analysis", "Digit 8 is still the worst at 88.60 % with 111 errors (43 read as 0).", True),
    ("gamma", 3, "analysis", "Digit 8 is still the worst at 88.60 % with 111 errors (45 read as 0).", False),
    ("gamma", 1, "analysis", "While the 8 has the second most errors with 68, the 5 is lower in accuracy (92.94 % against 93.02 "
                             "%).", True),  # the second figure the digit named before
    ("gamma", 1, "analysis", "While the 8 has the second most errors with 68, the 5 is higher in accuracy (92.94 % against 93.02 "
                             "%).", False),
    ("gamma", 1, "analysis", "Two of the 16 channels after the second conv and 11 of the 32 units in the fully connected layer "
                             "were dead at the end.", True),  # metrics.json's layers
    ("gamma", 1, "analysis", "Three of the 16 channels after the second conv and 11 of the 32 units in the fully connected layer "
                             "were dead at the end.", False),
    ("gamma", 3, "result", "Best Train Accuracy: 97.83 (5th epoch, seed 0)",
     True),  # the run's own seed: metrics.json's train curve
    ("gamma", 3, "result", "Best Train Accuracy: 97.83 (4th epoch, seed 0)", False),
    ("gamma", 3, "result", "Best Test Accuracy - 97.51 (5th epoch, seed 0)", True),
    ("gamma", 3, "result", "Best Test Accuracy - 97.51 (4th epoch, seed 0)", False),
    ("gamma", 3, "analysis", "Train is only 0.32 points ahead of test in the last epoch (97.83 vs 97.51 on seed 0) against 1.53 "
                             "in step 2.", True),  # the last epoch of both steps
    ("gamma", 3, "analysis", "Train is only 0.32 points ahead of test in the last epoch (97.83 vs 97.51 on seed 0) against 0.84 "
                             "in step 2.", False),
    ("gamma", 3, "analysis", "The final accuracy is 0.59 points better than Model_2, but the best is 0.61 points lower, since "
                             "Model_2 peaked at 98.12% at epoch 3.", True),  # that step's peak and its epoch
    ("gamma", 3, "analysis", "The final accuracy is 0.59 points better than Model_2, but the best is 0.61 points lower, since "
                             "Model_2 peaked at 98.12% at epoch 4.", False),
    ("example", 1, "analysis", "The test loss fell from 1.2538 in the first epoch to 0.0422 in the last one, although not every "
                               "epoch, since for example it went up from 0.0490 at epoch 11 to 0.0503 at epoch 12.", True),
    ("example", 1, "analysis", "The test loss fell from 1.2538 in the first epoch to 0.0422 in the last one, although not every "
                               "epoch, since for example it went up from 0.0490 at epoch 10 to 0.0503 at epoch 12.", False),
    ("example", 3, "analysis", "Test was ahead of train up to epoch 13, by 1.39 points at epoch 6 for example.",
     True),  # its epoch's
    ("example", 3, "analysis", "Test was ahead of train up to epoch 13, by 1.33 points at epoch 6 for example.", False),
    ("example", 3, "analysis", "The final test ranged from 99.51 % (seeds 1 and 3) to 99.60 % (seed 4), and four of the six "
                               "seeds ended at or above 99.54 %.", True),
    ("example", 3, "analysis", "The final test ranged from 99.51 % (seeds 1 and 3) to 99.60 % (seed 4), and five of the six "
                               "seeds ended at or above 99.54 %.", False),
    ("example", 2, "analysis", "Batch norm changed the start, since test was already 97.51 % after the first epoch against 58.89 "
                               "% for Model_1, and train was 92.02 % against 20.10 %.", True),  # the epoch and the step said once
    ("example", 2, "analysis", "Batch norm changed the start, since test was already 97.51 % after the first epoch against 58.89 "
                               "% for Model_1, and train was 92.02 % against 21.10 %.", False),
    ("example", 1, "analysis", "The 0 was the best digit at 99.69 % with only 3 errors, while the 3 and the 9 come next after "
                               "the 7 and the 8 with 15 errors each.", _PARTLY),  # the counts theirs; "next after" left unread
    ("example", 1, "analysis", "The 0 was the best digit at 99.69 % with only 3 errors, while the 3 and the 9 come next after "
                               "the 7 and the 8 with 17 errors each.", False),
    ("example", 2, "result", "Best train 99.79% (ep 15), best test 99.42% (ep 14), final test 99.41%, params 7,568 – budget not "
                             "met because ep 13 gave 99.35%.", True),  # "not met": the budget's FAIL
    ("gamma", 2, "analysis", "Min of last 3 is 96.92 so the budget is a FAIL.", True),
    ("gamma", 2, "analysis", "Min of last 3 is 96.92 so the budget is a PASS.", False),
    ("alpha", 2, "analysis", "Test accuracy crossed 80% for the first time at ep 2 (95.34%) and 95% at ep 2.", True),
    ("alpha", 1, "analysis", "Test accuracy crossed 50% for the first time at ep 6 (53.76%) and 80% at ep 7.",
     True),  # the verb again
    ("alpha", 1, "analysis", "Test accuracy crossed 50% for the first time at ep 6 (53.76%) and 80% at ep 6.", False),
    ("alpha", 1, "analysis", "Train acc is 13.43% at ep 1 and even lower at ep 3 with 10.52%, and only at ep 8 does it get to "
                             "85.25%.", True),  # "it": the train curve named first
    ("alpha", 1, "analysis", "Train acc is 13.43% at ep 1 and even lower at ep 3 with 10.52%, and only at ep 7 does it get to "
                             "85.25%.", False),
    ("alpha", 1, "analysis", "The 1s are the best digit, while the 6s and 9s both have more than 110 errors (114 and 112).",
     True),
    ("alpha", 1, "analysis", "The 1s are the best digit, while the 6s and 9s both have more than 110 errors (114 and 102).",
     False),
    ("beta", 2, "analysis", "The train loss at the end is 0.116 vs 0.087 for the test loss.", True),  # the role after the figure
    ("beta", 2, "analysis", "The train loss at the end is 0.116 vs 0.097 for the test loss.", False),
    ("beta", 2, "analysis", "The gap over the last 3 epochs is 0.33, and train ends at 96.75% instead of 98.33% in Model_1.",
     True),
    ("beta", 2, "analysis", "The gap over the last 3 epochs is 0.33, and train ends at 96.75% instead of 98.53% in Model_1.",
     False),
    ("example", 2, "analysis", "Only 2 errors on the 1s and 0 errors on the 0s.", True),  # each digit's count
    ("example", 2, "analysis", "Only 2 errors on the 1s and 1 error on the 0s.", False),
    ("alpha", 3, "analysis", "Seed 2 dipped between epochs 2 and 3 (93.15 to 92.80) and seed 0 never dipped.", True),
    ("alpha", 3, "analysis", "Seed 2 dipped between epochs 2 and 3 (93.15 to 92.80) and seed 1 never dipped.", False),
    ("alpha", 3, "analysis", "Train ahead of test in ep 2–4 and 6 (seed 0), test ahead only in ep 1 and 5 (97.93 vs 97.70).",
     True),
    ("alpha", 3, "analysis", "Train ahead of test in ep 2–4 and 6 (seed 0), test ahead only in ep 1 and 5 (97.93 vs 97.60).",
     False),
    ("gamma", 2, "analysis", "Model_2 reached 98.12% at ep 3 but then fell to 97.05% and 96.92%, while Model_1 ended at 96.14%.",
     _PARTLY),  # "fell": within the run, not against Model_1
    ("gamma", 2, "analysis", "Model_2 reached 98.12% at ep 3 but then fell to 97.05% and 96.92%, while Model_1 ended at 96.41%.",
     False),
    ("beta", 3, "result", "Final test acc: 93.48 / 97.15 / 95.37 (mean 95.33)", True),  # the check's three seeds, in order
    ("beta", 3, "result", "Final test acc: 93.48 / 95.37 / 97.15 (mean 95.33)", False),
    ("beta", 3, "result", "Final test acc: 93.48 / 97.15 / 95.37 (mean 95.53)", False),
    ("beta", 3, "analysis", "Seed 1 drops to 83.37 @ ep 3 after 91.28 @ ep 2, then 96.46 and 97.15.", True),  # epochs 4 and 5
    ("beta", 3, "analysis", "Seed 1 drops to 83.37 @ ep 3 after 91.28 @ ep 2, then 96.46 and 97.25.", False),
    ("example", 3, "result", "Epoch 13 train 99.48, test 99.56", True),  # a log line's epoch heads its every figure
    ("example", 3, "result", "Epoch 13 train 99.48, test 99.55", False),  # 99.55 is epoch 10's
    ("beta", 2, "analysis", "Final test is down vs step 1, 98.00 vs 97.33.", True),  # the chain's role: each step's final
    ("beta", 2, "analysis", "Final test is down vs step 1, 97.33 vs 96.91.", _PARTLY),  # 96.91 is epoch 4's, no final
    ("beta", 2, "analysis", "The min of the last 3 fell from 95.75% to 91.98%.", True),
    ("beta", 2, "analysis", "The min of the last 3 fell from 95.74% to 91.98%.", _PARTLY),  # a train figure, not a min
    ("example", 1, "analysis", "Over the final 3 epochs the test acc is stable (98.61, 98.61, 98.81).", True),  # in order
    ("example", 1, "analysis", "Over the final 3 epochs the test acc is stable (98.61, 98.61, 98.64).", False),
    ("example", 3, "analysis", "Over the last 3 epochs seed 0 is very flat (99.56%, 99.54%, 99.55%).", True),
    ("example", 3, "analysis", "Over the last 3 epochs seed 0 is very flat (99.56%, 99.54%, 99.56%).", False),
    ("beta", 1, "analysis", "Not stable at the end: the last 3 epochs go from 95.75% to 98%.", True),  # the span's ends
    ("beta", 1, "analysis", "Not stable at the end: the last 3 epochs go from 95.94% to 98%.", False),
    ("beta", 1, "analysis", "Test accuracy improved every epoch, from 90.37% to 98%.", True),  # the whole run's ends
    ("beta", 1, "analysis", "Test accuracy improved every epoch, from 92.17% to 98%.", _PARTLY),  # epoch 2's: not settled
    ("alpha", 3, "analysis", "Seed 2 also dipped at epoch 3, from 93.15% to 92.80%.", True),  # the epoch before, and it
    ("alpha", 3, "analysis", "Seed 2 also dipped at epoch 3, from 92.84% to 92.80%.", False),
    ("beta", 1, "analysis", "In the last epoch test accuracy jumped from 95.94% to 98.00%.", True),
    ("beta", 1, "analysis", "In the last epoch test accuracy jumped from 95.75% to 98.00%.", False),
    ("gamma", 2, "analysis", "Its best epochs were 98.45% train (epoch 5) and 98.12% test (epoch 3).", True),  # curve after it
    ("gamma", 2, "analysis", "Its best epochs were 98.12% train (epoch 5) and 98.12% test (epoch 3).", False),
    ("gamma", 2, "analysis", "After epoch 3 test slipped to 97.05% and then 96.92%.", True),  # epochs 4 and 5
    ("gamma", 2, "analysis", "After epoch 3 test slipped to 97.05% and then 96.29%.", False),
    ("beta", 1, "analysis", "After the single max-pool there are only two more 3x3 convs.", True),  # of the convs after it
    ("beta", 1, "analysis", "After the single max-pool there are only three more 3x3 convs.", False),
    ("beta", 3, "result", "Seeds that held 99.4% in the last 3 epochs: 0 of 3", True),
    ("beta", 3, "result", "Seeds that held 99.4% in the last 3 epochs: 1 of 3", False),
    ("beta", 3, "analysis", "The final test averages 95.33% over the seeds.", True),  # the seeds' mean final
    ("beta", 3, "analysis", "The final test averages 95.53% over the seeds.", False),
    ("gamma", 3, "analysis", "So by the assignment's measure this step is worse than step 2, even though it finishes higher.",
     True),  # the budget's figure (min of the last 3) worse, the final higher
    ("gamma", 3, "analysis", "So by the assignment's measure this step is better than step 2, even though it finishes higher.",
     False),
    ("example", 1, "analysis", "It took until epoch 8 to pass 98 %.", True),  # the first epoch at or above it
    ("example", 1, "analysis", "It took until epoch 7 to pass 98 %.", False),
    ("alpha", 3, "result", "Best Test Accuracy (seed 1) - 98.33 (6th epoch)", True),  # the seed of the field's label
    ("alpha", 3, "result", "Best Test Accuracy (seed 1) - 98.33 (5th epoch)", False),
    ("example", 3, "analysis", "Test was above train up to epoch 13, and after that train is slightly ahead in epochs 14 and 15.",
     True),  # "after that": from the epoch after the bound
    ("example", 3, "analysis", "Test was above train up to epoch 13, and after that test is slightly ahead in epochs 14 and 15.",
     False),
    ("beta", 2, "analysis", "Train accuracy ended 1.58 points lower than in Model 1, which is what augmentation does.",
     _PARTLY),  # train's own course; the credit: two changes came together
    ("beta", 1, "analysis", "Test 90.37 @ ep 1 vs train 58.31, after that train leads (94.69 vs 92.17 @ ep 2).", True),
    ("beta", 1, "analysis", "Test 90.37 @ ep 1 vs train 58.31, after that train leads (95.75 vs 92.17 @ ep 2).", _PARTLY),
    ("beta", 1, "result", "Epoch 4: Train Loss=0.0902 Accuracy=97.54 | Test Loss=0.1385 Accuracy=95.94%", True),  # a log line
    ("beta", 1, "result", "Epoch 4: Train Loss=0.0902 Accuracy=97.54 | Test Loss=0.1385 Accuracy=95.75%", False),  # epoch 3's
    ("beta", 1, "result", "Epoch 4: Train Loss=0.0903 Accuracy=97.54 | Test Loss=0.1385 Accuracy=95.94%", False),
    # the twelfth round: the course notebook's prints, counts of errors, a clause of another step, seeds in order
    ("alpha", 3, "result", "Epoch 6: loss=0.0753 Accuracy=98.03 / Test set: Average loss: 0.0683, Accuracy: 9798/10000 "
     "(97.98%)", True),  # the bar's fields train's, the test pass's test's
    ("alpha", 3, "result", "Epoch 6: loss=0.0753 Accuracy=97.98 / Test set: Average loss: 0.0683, Accuracy: 9798/10000 "
     "(97.98%)", False),  # test's figure in the bar
    ("alpha", 3, "result", "Epoch 6: loss=0.0751 Accuracy=98.03", _PARTLY),  # the bar's loss: its last batch's, not kept
    ("alpha", 1, "analysis", "The 2s alone have 495 mistakes, which is more than a third of all 1371 errors.", True),
    ("alpha", 1, "analysis", "The 2s alone have 495 mistakes, which is more than a third of all 1317 errors.", False),
    ("beta", 2, "analysis", "267 of 10000 wrong in the end, that's 67 more than step 1.", True),
    ("beta", 2, "analysis", "267 of 10000 wrong in the end, that's 67 fewer than step 1.", False),
    ("alpha", 1, "analysis", "Digit 2 is a disaster: 495 of its 1,032 test images are wrong, and 330 of those are called a 3.",
     True),  # the digit's support, then a confusion
    ("alpha", 1, "analysis", "Digit 2 is a disaster: 495 of its 1,023 test images are wrong, and 330 of those are called a 3.",
     False),
    ("beta", 2, "analysis", "This step ends under-fitting, the opposite of step 1 where train was ahead from epoch 2 on.",
     True),  # "where": step 1's own clause
    ("beta", 2, "analysis", "This step ends under-fitting, the opposite of step 1 where test was ahead from epoch 2 on.",
     False),
    ("beta", 3, "analysis", "Seed 1 finish much better than seed 0, 97.15 % against 93.48 %.", True),  # each its seed's
    ("beta", 3, "analysis", "Seed 1 finish much better than seed 0, 97.15 % against 93.84 %.", False),
    ("alpha", 3, "analysis", "Seed 1 is the best one, it finish at 98.33 % but it not pass because epoch 4 has only 97.13 %.",
     True),  # every clause the seed's the sentence opens on
    ("alpha", 3, "analysis", "Seed 1 is the best one, it finish at 98.33 % but it not pass because epoch 4 has only 95.90 %.",
     False),
    ("example", 3, "result", "Finals: 99.55 / 99.51 / 99.56 / 99.51 / 99.60 / 99.54 (seeds 0-5)", True),
    ("example", 3, "result", "Finals: 99.55 / 99.56 / 99.51 / 99.51 / 99.60 / 99.54 (seeds 0-5)", False),
    ("alpha", 3, "result", "Seeds held - 0/3 (all FAIL)", True),  # the count of the label's seeds, the fail its own
    ("alpha", 3, "result", "Seeds held - 3/3 (all FAIL)", False),
    ("example", 1, "analysis", "Test loss 0.0422 in the end, lower than the 0.0445 of epoch 14.", True),
    ("example", 1, "analysis", "Test loss 0.0422 in the end, lower than the 0.0452 of epoch 14.", False),
    ("example", 1, "analysis", "From epoch 2 on it is above 93 % and climbs to 98.81 % at the end.", True),  # a span, no figure
    ("example", 1, "analysis", "From epoch 2 on it is above 95 % and climbs to 98.81 % at the end.", False),
    ("gamma", 3, "analysis", "After the dip to 92.09 % in epoch 2 the test accuracy rose every epoch to 97.51 %.", True),
    ("gamma", 3, "analysis", "After the dip to 92.09 % in epoch 3 the test accuracy rose every epoch to 97.51 %.", False),
    ("alpha", 3, "analysis", "Test sits below train in the last epoch only by a little.", True),  # "only" of the size
    ("alpha", 3, "analysis", "Test sits above train in the last epoch only by a little.", False),
    ("alpha", 3, "analysis", "The final test accuracy fell by 0.51 points against step 2, which means we paid accuracy for "
     "the smaller gap.", True),  # the move's size, not the gap's
    ("alpha", 3, "analysis", "The final test accuracy fell by 0.15 points against step 2, which means we paid accuracy for "
     "the smaller gap.", False),
    ("example", 3, "result", "The lowest of those minima was 99.43 % on seed 1, and the final accuracies average 99.545 %.",
     True),  # the seeds' mean final
    ("example", 3, "result", "The lowest of those minima was 99.43 % on seed 1, and the final accuracies average 99.585 %.",
     False),
    ("beta", 2, "analysis", "Over-fitting now? No: test is above train for the last 2 epochs.", True),  # the answer's fit
    ("beta", 2, "analysis", "Over-fitting now? Yes: test is above train for the last 2 epochs.", False),
    ("example", 1, "analysis", "Is the 99.4 line reached? No, the best is 98.81.", True),
    ("example", 1, "analysis", "Is the 99.4 line reached? Yes, the best is 98.81.", False),
    ("example", 3, "analysis", "Is the start better than Model_2's? Much: 99.07 after epoch 1 against 97.51.", True),
    ("example", 3, "analysis", "Is the start better than Model_2's? Much: 99.07 after epoch 1 against 97.15.", False),
    ("beta", 3, "analysis", "None of the 3 seeds clears 99.4; only 1 of 3 even finishes above 97.", True),  # of the seeds
    ("beta", 3, "analysis", "None of the 3 seeds clears 99.4; only 2 of 3 even finishes above 97.", False),
    ("gamma", 3, "analysis", "2 of 3 seeds finish above 98, and none holds 99.4.", True),
    ("gamma", 3, "analysis", "1 of 3 seeds finish above 98, and none holds 99.4.", False),
    ("example", 3, "analysis", "Half of the 6 seeds finish at 99.55 or above.", True),
    ("example", 3, "analysis", "Half of the 6 seeds finish at 99.56 or above.", False),
    ("example", 3, "analysis", "Train ends lower than in Model_2: 99.61 against 99.79.", True),  # train's finals compared
    ("example", 3, "analysis", "Train ends higher than in Model_2: 99.61 against 99.79.", False),
    ("gamma", 3, "analysis", "The final accuracies are closer, 97.51, 98.34 and 98.16, about 98.00 on average.", True),
    ("gamma", 3, "analysis", "The final accuracies are closer, 97.51, 98.16 and 98.34, about 98.00 on average.", False),
    ("gamma", 3, "analysis", "Lowest test accuracy in the last 3 epochs: 92.36 (seed 0), 96.72 (seed 1), 97.77 (seed 2).",
     True),  # each seed's own lowest, no rank among them
    ("gamma", 3, "analysis", "Lowest test accuracy in the last 3 epochs: 92.36 (seed 0), 96.72 (seed 1), 97.71 (seed 2).",
     False),
    ("gamma", 2, "analysis", "After epoch 3, test dropped to 97.05 and 96.92.", True),
    ("gamma", 2, "analysis", "After epoch 3, test dropped to 96.92 and 97.05.", False),
    ("beta", 1, "analysis", "Train accuracy ended at 98.325%, so the last epoch has a train/test gap of only about 0.3 points.",
     True),  # the last epoch's gap, not the mean's
    ("beta", 1, "analysis", "Train accuracy ended at 98.325%, so the last epoch has a train/test gap of only about 0.8 points.",
     False),
    ("gamma", 3, "analysis", "In the last epoch train is 97.83 and test is 97.51, only 0.32 apart, so dropout and rotation did "
     "reduce the over-fitting.", _PARTLY),  # the last epoch's gap named: three changes at once, not settled
    ("beta", 2, "analysis", "Taking the lowest of the last three epochs, step 2 scores 91.98% against 95.75% for step 1, so by "
     "that measure it lost 3.77 points.", True),
    ("beta", 2, "analysis", "Taking the lowest of the last three epochs, step 2 scores 91.98% against 95.75% for step 1, so by "
     "that measure it lost 3.37 points.", False),
    ("beta", 3, "analysis", "Seed 0's errors are very uneven across digits: 7 had 146 errors and 5 had 120, while 3 had only 2.",
     True),
    ("beta", 3, "analysis", "Seed 0's errors are very uneven across digits: 7 had 146 errors and 5 had 102, while 3 had only 2.",
     False),
    ("beta", 3, "analysis", "109 sevens and 104 fives were read as 3.", True),
    ("beta", 3, "analysis", "109 sevens and 140 fives were read as 3.", False),
    ("example", 1, "analysis", "It climbs steadily until epoch 12 (98.64), wobbles for two epochs, and ends on 98.81.",
     _PARTLY),  # how long it wobbled: no record, not the run's length
    ("example", 1, "analysis", "It climbs steadily until epoch 12 (98.64), wobbles for two epochs, and ends on 98.61.", False),
    # error rates said as the accuracies they leave, and counts out of the test set
    ("alpha", 1, "result", "Final error rate 13.71 %, i.e. 1,371 of the 10,000 test digits wrong.", True),
    ("alpha", 1, "result", "Final error rate 13.17 %, i.e. 1,371 of the 10,000 test digits wrong.", False),
    ("beta", 2, "result", "Final error 2.67 %, train error 3.25 %.", True),
    ("beta", 2, "result", "Final error 2.67 %, train error 3.52 %.", False),
    ("beta", 3, "analysis", "The error at the end went up from 2.67 % with the augmented model to 6.52 % here.", True),
    ("beta", 3, "analysis", "The error at the end went up from 2.67 % with the augmented model to 5.62 % here.", False),
    ("example", 1, "analysis", "The error rate fell under 2 % in the eighth epoch and stayed there.", True),
    ("example", 1, "analysis", "The error rate fell under 2 % in the seventh epoch and stayed there.", False),
    ("beta", 2, "analysis", "The eights are the worst now, 47 wrong (4.8 % of them).", True),
    ("beta", 2, "analysis", "The eights are the worst now, 47 wrong (5.8 % of them).", False),
    ("gamma", 3, "result", "seed 0/1/2 final: 97.51 / 98.34 / 98.16", True),
    ("gamma", 3, "result", "seed 0/1/2 final: 97.51 / 98.16 / 98.34", False),
    ("alpha", 3, "analysis", "With dropout of 10 % the error at the end is 2.02 %.", _PARTLY),  # a setting's %, not a rate
    ("alpha", 3, "analysis", "With dropout of 10 % the error at the end is 2.20 %.", False),
    # the thirteenth session's readings (students9, dev51, students10 and the older classes' true ✗)
    # the same epoch in two steps, where the pair is not two epochs of this run
    ("alpha", 2, "analysis", "Batch norm fixed the start: epoch 1 test went from 11.35% to 75.41%.", True),
    ("alpha", 2, "analysis", "Batch norm fixed the start: epoch 1 test went from 11.35% to 75.14%.", False),
    # a rank by errors where errors are what the clause counts, and the rank ending where a new subject opens
    ("alpha", 2, "analysis",
     "The worst digit is 3 with 23 errors, then 7 and 9 with 21 each, and digit 2 went from 495 errors to 12.", True),
    ("alpha", 2, "analysis",
     "The worst digit is 3 with 23 errors, then 7 and 9 with 21 each, and digit 2 went from 495 errors to 21.", False),
    # a signed difference is no rate; an expectation is a plan
    ("alpha", 2, "analysis",
     "Epoch 6 added only +0.09 over epoch 5 at the small rate, so I don't expect more epochs at 0.005 alone to reach "
     "99.4%.", None),
    # the one step a sentence names, for a later "against"
    ("alpha", 3, "analysis",
     "The final test of seed 0 is 97.98 against 98.49 in step 2 (-0.51), and the worst of the last three is 95.90 "
     "against 96.51 (-0.61).", True),
    ("alpha", 3, "analysis",
     "The final test of seed 0 is 97.98 against 98.49 in step 2 (-0.51), and the worst of the last three is 95.90 "
     "against 96.15 (-0.61).", False),
    # the seeds' spread by its ends
    ("alpha", 3, "analysis",
     "The seeds spread a lot: finals from 97.75 to 98.33%, and the worst of the last three from 95.90 (seed 0) to "
     "97.19 (seed 2).", True),
    ("alpha", 3, "analysis",
     "The seeds spread a lot: finals from 97.75 to 98.33%, and the worst of the last three from 95.90 (seed 1) to "
     "97.19 (seed 2).", False),
    ("example", 3, "analysis",
     "The final accuracies ranged from 99.51 to 99.60, a spread of 0.09, and their mean is 99.545.", True),
    ("example", 3, "analysis",
     "The final accuracies ranged from 99.51 to 99.60, a spread of 0.19, and their mean is 99.545.", False),
    # "then" in a confusions' rank
    ("alpha", 3, "analysis", "Top confusion is 4 read as 9 (18), then 7 read as 2 (14).", True),
    ("alpha", 3, "analysis", "Top confusion is 7 read as 2 (14), then 4 read as 9 (18).", False),
    # the excess over a limit, a layer's parameters
    ("gamma", 1, "result",
     "14,410 parameters, which is 6,410 over the 8,000 limit (the first Linear layer alone holds 12,832 of them).", True),
    ("gamma", 1, "result",
     "14,410 parameters, which is 6,140 over the 8,000 limit (the first Linear layer alone holds 12,832 of them).", False),
    ("gamma", 1, "result",
     "14,410 parameters, which is 6,410 over the 8,000 limit (the first Linear layer alone holds 12,382 of them).", False),
    # a turn said with "only", and a pair said of "it"
    ("gamma", 1, "analysis",
     "Test sat above train for the first three epochs and only fell below it at epoch 4 (96.14 % against 96.84 %).", True),
    ("gamma", 1, "analysis",
     "Test sat above train for the first three epochs and only fell below it at epoch 4 (96.41 % against 96.84 %).", False),
    # an error rate set against another, a step named by what it is
    ("gamma", 2, "analysis",
     "Compared with the fully-connected model, the GAP model is better at the end (96.92 % against 96.14 %, so 3.08 "
     "% error instead of 3.86 %).", "partly"),
    ("gamma", 2, "analysis",
     "Compared with the fully-connected model, the GAP model is better at the end (96.92 % against 96.41 %, so 3.08 "
     "% error instead of 3.59 %).", False),
    ("example", 2, "analysis", "The first epoch already reached 97.51 test accuracy against 58.89 for the plain skeleton.", True),
    ("example", 2, "analysis",
     "The first epoch already reached 97.51 test accuracy against 58.98 for the plain skeleton.", False),
    # a digit's support and precision, confusions by arrows
    ("gamma", 2, "analysis",
     "8 has 144 of the 308 errors (14.78 % error on its 974 images), and no other digit was ever predicted as 8 "
     "(precision 100 %), with 8 → 0 (36), 8 → 3 (30) and 8 → 2 (25) as the biggest confusions.", True),
    ("gamma", 2, "analysis", "8 has 144 of the 308 errors (14.78 % error on its 947 images).", False),
    ("gamma", 2, "analysis", "The biggest confusions are 8 → 0 (36) and 8 → 3 (25).", False),
    ("beta", 3, "analysis",
     "Per digit (seed 0) the 7 is the worst with 146 errors, and 109 of them were read as 3, as were 104 of the 120 "
     "wrong 5s, which is why the 3 has only 76.13% precision.", "partly"),
    ("beta", 3, "analysis",
     "Per digit (seed 0) the 7 is the worst with 146 errors, and 109 of them were read as 3, as were 104 of the 120 "
     "wrong 5s, which is why the 3 has only 67.13% precision.", False),
    # the seeds' mean after their list, "0 of the 3 seeds pass", a seed's train figure
    ("gamma", 3, "result", "Final test accuracy: seed 0 97.51 %, seed 1 98.34 %, seed 2 98.16 % (mean 98.00 %).", True),
    ("gamma", 3, "result", "Final test accuracy: seed 0 97.51 %, seed 1 98.34 %, seed 2 98.16 % (mean 98.20 %).", False),
    ("gamma", 3, "analysis", "0 of the 3 seeds pass (and the parameter count fails on its own anyway).", True),
    ("gamma", 3, "analysis", "1 of the 3 seeds pass (and the parameter count fails on its own anyway).", False),
    ("gamma", 3, "analysis", "On seed 0 the final train accuracy is 97.83 %.", True),
    ("gamma", 3, "analysis", "On seed 0 the final train accuracy is 97.38 %.", False),
    # a way said beside its two ends, a head's way against the differences after it
    ("gamma", 2, "analysis", "The test loss went up from 0.0649 at epoch 3 to 0.1011 at epoch 5.", True),
    ("gamma", 2, "analysis", "The test loss went down from 0.0649 at epoch 3 to 0.1011 at epoch 5.", False),
    ("alpha", 3, "analysis", "But accuracy went down: the final test of seed 0 is 97.98 against 98.49 in step 2 (-0.51).", True),
    ("alpha", 3, "analysis", "But accuracy went up: the final test of seed 0 is 97.98 against 98.49 in step 2 (-0.51).", False),
    ("alpha", 2, "analysis", "Model_2 ends at 98.49%, which is 12.2 points above Model_1's 86.29%.", True),
    ("alpha", 2, "analysis", "Model_2 ends at 98.49%, which is 12.9 points above Model_1's 86.29%.", False),
    # a markdown table's rows, keyed by epoch or seed
    ("alpha", 2, "result",
     "| epoch | train acc % | test acc % | train loss | test loss | lr |\n|---|---|---|---|---|---|\n| 5 | 98.72 | "
     "98.40 | 0.0484 | 0.0523 | 0.005 |", True),
    ("alpha", 2, "result",
     "| epoch | train acc % | test acc % | train loss | test loss | lr |\n|---|---|---|---|---|---|\n| 5 | 98.72 | "
     "98.40 | 0.0484 | 0.0523 | 0.05 |", False),
    ("alpha", 3, "result", "| seed | test % epoch 4 | worst of last 3 % |\n|---|---|---|\n| 1 | 97.13 | 97.13 |", True),
    ("alpha", 3, "result", "| seed | test % epoch 4 | worst of last 3 % |\n|---|---|---|\n| 1 | 97.19 | 97.13 |", False),
    ("alpha", 3, "result", "Best seed: 1 (98.33% at epoch 6); lowest final: seed 2 (97.75%).", True),
    ("alpha", 3, "result", "Best seed: 0 (98.33% at epoch 6); lowest final: seed 2 (97.75%).", False),
    # bands over the span the sentence names, several in one clause
    ("alpha", 1, "analysis",
     "The first four epochs were chance: train stayed between 10.52% and 14.42% and test between 7.16% and 11.35%.", True),
    ("alpha", 1, "analysis",
     "The first four epochs were chance: train stayed between 10.52% and 14.42% and test between 7.61% and 11.35%.", False),
    # a subject carried: "it" after the min, "that epoch", a level after another
    ("alpha", 2, "analysis", "The minimum of the last 3 epochs is 96.51%, so it is 42.75 points above step 1's 53.76%.", True),
    ("alpha", 2, "analysis", "The minimum of the last 3 epochs is 96.51%, so it is 42.57 points above step 1's 53.76%.", False),
    ("beta", 1, "analysis", "The minimum is 3.65 points below 99.4% and only the final epoch got above 97%.", True),
    ("beta", 1, "analysis", "The minimum is 3.65 points below 99.4% and only the final epoch got above 98.5%.", False),
    ("beta", 1, "analysis",
     "Test was already at 90.37% after epoch 1 while train was only 58.31%, which means epoch 1 was under-fitting.", True),
    ("beta", 1, "analysis",
     "Test was already at 90.37% after epoch 1 while train was only 58.31%, which means epoch 1 was over-fitting.", False),
    ("beta", 2, "analysis", "Epoch 2 was a bad one: test fell from 82.89% to 76.92%.", True),
    ("beta", 2, "analysis", "Epoch 3 was a bad one: test fell from 82.89% to 76.92%.", False),
    ("beta", 2, "analysis", "Epoch 2 dipped to 76.92 on test, and the curve only climbed back above 90 % in epoch 3.", True),
    ("beta", 2, "analysis", "Epoch 2 dipped to 76.92 on test, and the curve only climbed back above 90 % in epoch 4.", False),
    ("beta", 2, "analysis", "Train accuracy fell even more, to 96.75, so now test is above train by 0.58.", True),
    ("beta", 2, "analysis", "Train accuracy fell even more, to 96.75, so now test is below train by 0.58.", False),
    # digits: "that was", "so the", "the 0 only", a way against the counts, never misclassified, two digits summed
    ("alpha", 3, "analysis", "The 3 that was the worst in step 2 went up to 98.91% (11 errors).", True),
    ("alpha", 3, "analysis", "The 3 that was the worst in step 2 went up to 98.91% (12 errors).", False),
    ("example", 2, "analysis", "Digit 6 got worse, from 11 errors in Model_1 to 15 here.", True),
    ("example", 2, "analysis", "Digit 6 improved from 11 errors in Model_1 to 15 here.", False),
    ("example", 2, "analysis", "The final test accuracy reached 99.41, and 0 was never misclassified at all.", True),
    ("example", 2, "analysis", "The final test accuracy reached 99.41, and 6 was never misclassified at all.", False),
    ("beta", 1, "analysis",
     "The 9 is the weakest (33 errors) and the 8 is next with 28 errors, so these two make 61 of the 200 test "
     "errors, while the 1 has only 10.", True),
    ("beta", 1, "analysis",
     "The 9 is the weakest (33 errors) and the 8 is next with 28 errors, so these two make 71 of the 200 test "
     "errors, while the 1 has only 10.", False),
    ("gamma", 1, "analysis",
     "The 8 has the next-most errors (68), but the 5 has the next-lowest accuracy (92.94%), and all together there "
     "are 386 errors.", True),
    ("gamma", 1, "analysis",
     "The 8 has the next-most errors (68), but the 5 has the next-lowest accuracy (92.94%), and all together there "
     "are 368 errors.", False),
    # a move over the last epochs, its size; the rate's word, not the accuracy's fall
    ("gamma", 2, "analysis",
     "Test fell by 1.20 points over the last two epochs (98.12% to 96.92%), as the model never got a lower rate to "
     "settle.", True),
    ("gamma", 2, "analysis",
     "Test fell by 1.02 points over the last two epochs (98.12% to 96.92%), as the model never got a lower rate to "
     "settle.", False),
    # seeds: a count's seed in brackets, a list in the seeds' order, chains across the steps, "the shown seed"
    ("gamma", 3, "analysis", "Only one of the three seeds (seed 2) kept its last 3 epochs above 97.5 %.", True),
    ("gamma", 3, "analysis", "Only one of the three seeds (seed 1) kept its last 3 epochs above 97.5 %.", False),
    ("alpha", 3, "analysis",
     "None of the seeds came within a point of 99.4 at their weakest late epoch (95.90, 97.13 and 97.19 over the "
     "last 3).", "partly"),
    ("alpha", 3, "analysis",
     "None of the seeds came within a point of 99.4 at their weakest late epoch (95.90, 97.19 and 97.13 over the "
     "last 3).", False),
    ("example", 3, "analysis", "From Model_1 to Model_3 the lowest of the last 3 epochs went 98.61 -> 99.35 -> 99.54.", True),
    ("example", 3, "analysis", "From Model_1 to Model_3 the lowest of the last 3 epochs went 98.61 -> 99.53 -> 99.54.", False),
    ("example", 3, "analysis", "The shown seed first reached 99.4 at epoch 6, seed 1 not until epoch 10.", True),
    ("example", 3, "analysis", "The shown seed first reached 99.4 at epoch 7, seed 1 not until epoch 10.", False),
    ("example", 3, "result", "Last three epochs (seed 0): 99.56, 99.54, 99.55.", True),
    ("example", 3, "result", "Last three epochs (seed 0): 99.56, 99.54, 99.56.", False),
    ("example", 3, "result", "Best test accuracy: 99.57 % (epoch 12, seed 0).", True),
    ("example", 3, "result", "Best test accuracy: 99.57 % (epoch 12, seed 1).", False),
    ("example", 3, "analysis",
     "While augmentation was on, test sat above train in every epoch (e.g. 99.57 vs 98.68 at epoch 12).", True),
    ("example", 3, "analysis", "Test sat above train in every epoch (e.g. 99.57 vs 98.68 at epoch 12).", False),
    ("example", 3, "analysis",
     "When the augmentation stopped in the 13th epoch the train accuracy jumped to 99.48, and by the 15th it was "
     "99.61.", True),
    ("example", 3, "analysis",
     "When the augmentation stopped in the 13th epoch the train accuracy jumped to 99.61, and by the 15th it was "
     "99.61.", False),
    ("example", 2, "analysis",
     "Compared with Model_1, the lowest of the last 3 epochs (99.35) still fell just short of 99.4.", True),
    ("example", 2, "analysis",
     "Compared with Model_1, the lowest of the last 3 epochs (99.53) still fell just short of 99.4.", False),
    ("gamma", 2, "analysis", "After the peak at epoch 3 the test accuracy kept falling.", True),
    ("gamma", 2, "analysis", "After peaking at 98.12 in epoch 3 the test accuracy kept climbing.", False),
    # the thirteenth session's second batch (dev52, the eleventh class)
    ("beta", 1, "analysis", "The minimum is 3.65 points below 99.4%.", True),
    ("beta", 1, "analysis", "The minimum is 3.55 points below 99.4%.", False),
    ("alpha", 1, "analysis", "The plain net does nothing for 4 epochs: test stays <= 11.35 % up to ep.4.", "partly"),
    ("alpha", 1, "analysis", "The plain net does nothing for 4 epochs: test stays <= 11.35 % up to ep.5.", False),
    ("beta", 1, "result", "Params -> 6720, best test -> 98.00 % (E5), best train -> 98.33 %.", True),
    ("beta", 1, "result", "Params -> 6270, best test -> 98.00 % (E5), best train -> 98.33 %.", False),
    ("beta", 3, "analysis", "Seed 1 beats seed 0 by 3.7 pp at the end.", True),
    ("beta", 3, "analysis", "Seed 0 beats seed 1 by 3.7 pp at the end.", False),
    ("gamma", 3, "result", "Seed 0 / 1 / 2 -> min of last 3: 92.36 / 96.72 / 97.77 %.", True),
    ("gamma", 3, "result", "Seed 0 / 1 / 2 -> min of last 3: 92.36 / 97.77 / 96.72 %.", False),
    ("gamma", 1, "analysis", "Test > train in E1-E3, so it under-fits.", True),
    ("gamma", 1, "analysis", "Test > train in E1-E4, so it under-fits.", False),
    ("example", 2, "analysis", "Test loss final ≈ 0.019.", True),
    ("example", 2, "analysis", "Test loss final ≈ 0.021.", False),
    ("example", 3, "result", "Final per seed: 99.55 / 99.51 / 99.56 / 99.51 / 99.6 / 99.54 (s0…s5)", True),
    ("example", 3, "result", "Final per seed: 99.55 / 99.56 / 99.51 / 99.51 / 99.6 / 99.54 (s0…s5)", False),
    ("example", 2, "analysis", "Test acc flat in the last 3 epochs, stuck around 99.4.", True),
    ("alpha", 2, "analysis", "Test acc flat in the last 3 epochs, stuck around 99.4.", False),
    ("gamma", 1, "analysis", "We are 6,410 parameters over the line, so no amount of tuning saves this design.", True),
    ("gamma", 1, "analysis", "We are 6,140 parameters over the line, so no amount of tuning saves this design.", False),
    ("gamma", 2, "analysis", "The 8s are the disaster: only 85.22% right, and 36 of them are called 0, 30 are called 3.", True),
    ("gamma", 2, "analysis", "The 8s are the disaster: only 85.22% right, and 36 of them are called 0, 31 are called 3.", False),
    ("gamma", 3, "analysis",
     "The over-fitting is gone: on seed 0 train ends only 0.32 points above test, down from 1.53 in Step 2.", "partly"),
    ("gamma", 3, "analysis",
     "The over-fitting is gone: on seed 0 train ends only 0.32 points above test, down from 0.60 in Step 2.", False),
    ("alpha", 3, "result", "Seeds 0-2 final test: 97.98 / 98.33 / 97.75 (mean 98.02)", True),
    ("alpha", 3, "result", "Seeds 0-2 final test: 97.98 / 98.33 / 97.75 (mean 98.12)", False),
    ("alpha", 3, "result", "99.4% in each of the last 3 epochs on every seed: not reached (0 of 3)", "partly"),
    ("alpha", 3, "result", "99.4% in each of the last 3 epochs on every seed: reached (3 of 3)", False),
    ("alpha", 3, "analysis", "The best final test (98.33% on seed 1) is still 1.07 below 99.4.", True),
    ("alpha", 3, "analysis", "The best final test (98.33% on seed 1) is still 1.70 below 99.4.", False),
    ("alpha", 2, "analysis", "The StepLR cuts the rate from 0.05 to 0.005 after epoch 4.", True),
    ("alpha", 2, "analysis", "The StepLR cuts the rate from 0.05 to 0.01 after epoch 4.", False),
    # the fourteenth session's readings (dev52's false ✓, dev53 and the twelfth class)
    ("beta", 1, "result", "lr at start of E4 = 0.05", True),
    ("beta", 1, "result", "lr at start of E4 = 0.09", False),
    ("alpha", 1, "analysis", "Test acc more high than train in the last 3 epochs.", True),
    ("alpha", 1, "analysis", "Test acc more high than train in the last 5 epochs.", False),
    ("gamma", 1, "analysis", "Digit 5 and 8 are both under 93.5 %.", True),
    ("gamma", 1, "analysis", "Digit 5 and 8 are both under 93 %.", False),
    ("beta", 3, "result", "Final: seed 1 -> 97.15 %, seed 2 -> 95.37 %.", True),
    ("beta", 3, "result", "Final: seed 1 -> 95.37 %, seed 2 -> 97.15 %.", False),
    ("beta", 2, "analysis", "Model_1 had the same at the end – test above train in its last epoch.", False),
    ("alpha", 3, "analysis", "The final accuracies of the three seeds lie within 0.58 points of each other.", True),
    ("alpha", 3, "analysis", "The final accuracies of the three seeds lie within 0.28 points of each other.", False),
    ("gamma", 3, "analysis", "The finals spread over 0.83 points between the best and worst seed.", True),
    ("gamma", 3, "analysis", "The finals spread over 0.38 points between the best and worst seed.", False),
    ("alpha", 3, "analysis",
     "In epoch 5 the test accuracy (97.93%) is above the train accuracy (97.70%), which is what dropout should do.", True),
    ("alpha", 3, "analysis",
     "In epoch 5 the test accuracy (97.93%) is below the train accuracy (97.70%), which is what dropout should do.", False),
    ("alpha", 1, "result",
     "EPOCH: 5 Loss=2.1501 Accuracy=22.95 | Test set: Average loss: 1.7969, Accuracy: 3849/10000 (38.49%)", True),
    ("alpha", 1, "result",
     "EPOCH: 6 Loss=2.1501 Accuracy=22.95 | Test set: Average loss: 1.7969, Accuracy: 3849/10000 (38.49%)", False),
    ("alpha", 1, "analysis", "Test sits above train, so the gap comes out negative at about 6.5.", True),
    ("alpha", 1, "analysis", "Test sits above train, so the gap comes out positive at about 6.5.", False),
    ("beta", 1, "analysis", "The gap was 1.6 in epoch 4 before it closed to about a third of a point in epoch 5.", True),
    ("beta", 1, "analysis", "The gap was 1.9 in epoch 4 before it closed to about a third of a point in epoch 5.", False),
    ("example", 3, "analysis", "The second half of the run sat between 99.47 % and 99.57 %.", True),
    ("example", 3, "analysis", "The second half of the run sat between 99.50 % and 99.57 %.", False),
    ("example", 2, "analysis", "Train pulls ahead over the final third.", True),
    ("example", 2, "analysis", "Test pulls ahead over the final third.", False),
    ("alpha", 1, "analysis", "Test stays above train through the second half of training.", True),
    ("example", 1, "analysis", "Test stays above train through the first half of training.", False),
    ("example", 3, "analysis", "Test sits above train until the last two epochs.", True),
    ("example", 3, "analysis", "Train sits above test until the last two epochs.", False),
    ("example", 2, "analysis", "Epoch 13 dips to 99.35 while the other two of the last three are above 99.4.", True),
    ("example", 2, "analysis", "Epoch 13 dips to 99.35 while the other two of the last three are above 99.45.", False),
    ("beta", 3, "analysis", "Test was above train in epochs 3 and 4 and far below it in epoch 5.", True),
    ("beta", 3, "analysis", "Test was above train in epochs 3 and 5 and far below it in epoch 4.", False),
    ("example", 1, "analysis", "The skeleton has 7,500 parameters, so there were exactly 500 to spare under the limit.", True),
    ("example", 1, "analysis", "The skeleton has 7,500 parameters, so there were exactly 400 to spare under the limit.", False),
    ("example", 1, "analysis", "The first epoch was slow, and by the end of that epoch it scored 58.89 on the test set.", True),
    ("example", 1, "analysis", "The first epoch was slow, and by the end of that epoch it scored 58.98 on the test set.", False),
    ("example", 1, "analysis", "By epoch 2 the test score was already 93.89, and by epoch 10 it was past 98.4 (98.41).", True),
    ("example", 1, "analysis", "By epoch 2 the test score was already 93.89, and by epoch 9 it was past 98.4 (98.41).", False),
    ("example", 2, "analysis", "Model_1 was 0.60 points behind at the end.", True),
    ("example", 2, "analysis", "Model_1 was 0.70 points behind at the end.", False),
    ("example", 2, "analysis",
     "The very first epoch reached 97.51, so Model_1 was 38.62 points behind after one epoch.", "partly"),
    ("example", 2, "analysis", "The very first epoch reached 97.51, so Model_1 was 36.62 points behind after one epoch.", False),
    ("example", 2, "analysis", "Model_1 finished more than half a point behind, at 98.81.", True),
    ("example", 2, "analysis", "Model_1 finished more than half a point behind, at 98.18.", False),
    ("example", 2, "analysis",
     "Since the budget asks for 99.4 in each of the last three epochs, the last three read 99.35 %, 99.42 % and 99.41 %.", True),
    ("example", 2, "analysis",
     "Since the budget asks for 99.4 in each of the last three epochs, the last three read 99.35 %, 99.42 % and 99.44 %.", False),
    ("example", 3, "analysis", "The mean final accuracy over the seeds came out just under 99.55 (99.545).", True),
    ("example", 3, "analysis", "The mean final accuracy over the seeds came out just over 99.55 (99.545).", False),
    ("beta", 2, "analysis", "The second epoch dips to 76.92 and is the only epoch below 80.", True),
    ("beta", 2, "analysis", "The second epoch dips to 76.92 and is the only epoch below 85.", False),
    ("example", 1, "analysis",
     "The mistakes were spread around: 8 came out worst at 98.05% (19 errors, the same count as 7).", True),
    ("example", 1, "analysis",
     "The mistakes were spread around: 8 came out worst at 98.05% (18 errors, the same count as 7).", False),
    ("gamma", 3, "analysis", "Digit 8 is still the weakest at 88.60, but up from 85.22 in step 2.", True),
    ("gamma", 3, "analysis", "Digit 8 is still the weakest at 88.60, but up from 85.52 in step 2.", False),
    ("example", 3, "analysis", "In epoch 6 it shows up as 98.04 on train against 99.43 on test.", True),
    ("example", 3, "analysis", "In epoch 6 it shows up as 98.40 on train against 99.43 on test.", False),
    ("alpha", 2, "analysis",
     "Model_1 lost to Model_2 on every digit, since even its best class (1, at 97.53) is below Model_2's worst (3, at "
     "97.72).", "partly"),
    ("alpha", 2, "analysis",
     "Model_1 lost to Model_2 on every digit, since even its best class (1, at 97.35) is below Model_2's worst (3, at "
     "97.72).", False),
    ("beta", 3, "analysis", "Seeds 1 and 2 both finish north of 95.", True),
    ("beta", 3, "analysis", "Seeds 1 and 2 both finish north of 96.", False),
    ("beta", 1, "analysis", "From epoch 2 on train stays ahead of test, and the last-three gap is about 0.8.", True),
    ("beta", 1, "analysis", "From epoch 2 on train stays ahead of test, and the last-three gap is about 1.8.", False),
    ("beta", 2, "analysis", "Epoch 2 is the bad one: test fell to 7692/10000.", True),
    ("beta", 2, "analysis", "Epoch 3 is the bad one: test fell to 7692/10000.", False),
    ("example", 1, "analysis", "It got north of 98.5 as early as the eleventh epoch.", True),
    ("example", 1, "analysis", "It got north of 98.5 as early as the tenth epoch.", False),
    # the fourteenth session's second batch (dev54, the thirteenth class)
    ("example", 2, "analysis",
     "The test loss went down in each of the last four epochs and was lowest in the final one (0.0185).", True),
    ("example", 2, "analysis",
     "The test loss went up in each of the last four epochs and was lowest in the final one (0.0185).", False),
    ("example", 1, "analysis", "Test was actually above train in 12 of the 15 epochs.", True),
    ("example", 1, "analysis", "Test was actually above train in 13 of the 15 epochs.", False),
    ("beta", 1, "analysis", "The last epoch at the low rate still added 2.06 points on test.", True),
    ("beta", 1, "analysis", "The last epoch at the low rate still added 2.16 points on test.", False),
    ("alpha", 1, "result", "Epoch 8: loss=0.4850 acc=85.25 | test loss=0.4092 test acc=86.29", True),
    ("alpha", 1, "result", "Epoch 8: loss=0.4850 acc=86.29 | test loss=0.4092 test acc=85.25", False),
    ("alpha", 3, "result", "Seeds passing 99.4 in each of the last 3 epochs: 0 of 3 → FAIL", "partly"),
    ("alpha", 3, "result", "Seeds passing 99.4 in each of the last 3 epochs: 1 of 3 → FAIL", False),
    ("example", 1, "analysis", "Test accuracy is in the 98.6–98.9 range in the last 3 epochs.", True),
    ("example", 1, "analysis", "Test accuracy is in the 98.5–98.7 range in the last 3 epochs.", False),
    ("alpha", 1, "analysis", "For first 4 epochs test accuracy is coming around 7–12% only.", True),
    ("alpha", 1, "analysis", "For first 4 epochs test accuracy is coming around 8–12% only.", False),
    ("alpha", 3, "result", "3-seed check: final test accuracy 97.98 / 98.33 / 97.75 (seeds 0 / 1 / 2), mean 98.02", "partly"),
    ("alpha", 3, "result", "3-seed check: final test accuracy 97.98 / 98.33 / 97.75 (seeds 0 / 1 / 2), mean 98.12", False),
    ("alpha", 3, "result", "Lowest test accuracy in last 3 epochs: 95.90 / 97.13 / 97.19 (seeds 0 / 1 / 2)", True),
    ("alpha", 3, "result", "Lowest test accuracy in last 3 epochs: 95.90 / 97.19 / 97.13 (seeds 0 / 1 / 2)", False),
    ("alpha", 2, "analysis", "Params 7,578 < 8,000 and epochs 6 ≤ 15.", "partly"),
    ("alpha", 2, "analysis", "Params 7,578 < 8,000 and epochs 5 ≤ 15.", False),
    ("gamma", 1, "analysis", "Digit 9 is by far the worst class at 88.1%, with 76 nines taken for 4s.", True),
    ("gamma", 1, "analysis", "Digit 9 is by far the worst class at 88.1%, with 67 nines taken for 4s.", False),
    ("alpha", 1, "analysis", "Digit 8 is also weak at 71.4% (279 errors), mostly confused with 9 (101 images).", True),
    ("alpha", 1, "analysis", "Digit 8 is also weak at 71.4% (279 errors), mostly confused with 9 (110 images).", False),
    ("gamma", 2, "analysis",
     "Digit 8 is the real problem: only 85.22% of eights are right (144 errors), mostly read as 0 (36), 3 (30) and 2 "
     "(25), while its precision is 100%.", True),
    ("gamma", 2, "analysis",
     "Digit 8 is the real problem: only 85.22% of eights are right (144 errors), mostly read as 0 (36), 3 (30) and 2 "
     "(25), while its precision is 96%.", False),
    ("gamma", 2, "analysis", "Every other digit is above 94%, so 8 is clearly the one to fix.", True),
    ("gamma", 2, "analysis", "Every other digit is above 95%, so 8 is clearly the one to fix.", False),
    ("alpha", 1, "analysis", "7 out of 12 channels after the second conv are dead in the layer stats.", True),
    ("alpha", 1, "analysis", "8 out of 12 channels after the second conv are dead in the layer stats.", False),
    ("alpha", 3, "analysis", "Final test is 0.51 lower than Model_2 (98.49 → 97.98), it is expected because of dropout.", True),
    ("alpha", 3, "analysis", "Final test is 0.51 higher than Model_2 (98.49 → 97.98), it is expected because of dropout.", False),
    ("beta", 1, "analysis", "Test accuracy is more than train accuracy in epoch 1 only, after that train is ahead.", True),
    ("beta", 1, "analysis", "Test accuracy is more than train accuracy in epoch 2 only, after that train is ahead.", False),
    ("alpha", 3, "analysis", "Across seeds the final accuracy is in range 97.75–98.33, spread of only 0.58.", True),
    ("alpha", 3, "analysis", "Across seeds the final accuracy is in range 97.75–98.38, spread of only 0.58.", False),
    ("alpha", 2, "analysis",
     "With BN, accuracy is coming around 95% already in 2nd epoch (test 95.34%), in Model_1 it was only 10.28% at same "
     "epoch.", True),
    ("alpha", 2, "analysis",
     "With BN, accuracy is coming around 95% already in 2nd epoch (test 95.34%), in Model_1 it was only 11.35% at same "
     "epoch.", False),
    ("gamma", 2, "analysis", "Even after dropping 6,410 parameters from Model_1 I am still not within budget.", True),
    ("gamma", 2, "analysis", "Even after dropping 6,140 parameters from Model_1 I am still not within budget.", False),
    ("gamma", 1, "analysis", "RF is only 10 at the end, it is too less to see the full digit.", True),
    ("gamma", 1, "analysis", "RF is only 12 at the end, it is too less to see the full digit.", False),
    ("example", 2, "analysis", "Train is ahead of test from epoch 8 onwards, gap (last 3 avg) = 0.37", True),
    ("example", 2, "analysis", "Train is ahead of test from epoch 6 onwards, gap (last 3 avg) = 0.37", False),
    ("gamma", 3, "analysis", "On seeds 1 and 2 train also leads test in the last 3 epochs.", None),
    # the fifteenth session's readings (dev55, the fourteenth class)
    ("alpha", 1, "analysis", "Digit 8 is also weak at 71.4% but still it is better than digit 2.", True),
    ("alpha", 1, "analysis", "Digit 8 is also weak at 71.4% but still it is better than digit 6.", False),
    ("alpha", 2, "analysis", "Digit 7 and digit 9 both are having 21 errors, fewer than digit 3.", True),
    ("alpha", 2, "analysis", "Digit 7 and digit 9 both are having 21 errors, more than digit 3.", False),
    ("gamma", 3, "analysis", "Seed 0 is the problem: it dips to 92.09 in E2 while seeds 1/2 are > 95.", True),
    ("gamma", 3, "analysis", "Seed 0 is the problem: it dips to 92.09 in E2 while seeds 1/2 are > 96.", False),
    ("beta", 2, "result",
     "Epoch 2/5 - loss: 0.3388 - accuracy: 0.9099 - val_loss: 0.7914 - val_accuracy: 0.7692 - lr: "
     "0.0918", True),
    ("beta", 2, "result",
     "Epoch 2/5 - loss: 0.3388 - accuracy: 0.9099 - val_loss: 0.7914 - val_accuracy: 0.9217 - lr: "
     "0.0918", False),
    ("beta", 3, "result", "Epoch 5/5 - loss: 0.1336 - accuracy: 0.9621 - test_loss: 0.2116 - test_accuracy: 0.9348", True),
    ("beta", 3, "result", "Epoch 5/5 - loss: 0.1336 - accuracy: 0.9621 - test_loss: 0.2116 - test_accuracy: 0.9715", False),
    ("alpha", 2, "analysis", "acc went .9651 -> .9840 when the lr dropped at epoch 5", True),
    ("alpha", 2, "analysis", "acc went .9651 -> .9849 when the lr dropped at epoch 5", False),
    ("beta", 2, "analysis", "Test accuracy dipped in epoch 2: 0.8289 -> 0.7692", True),
    ("beta", 2, "analysis", "Test accuracy dipped in epoch 2: 0.8289 -> 0.7962", False),
    ("beta", 2, "analysis", "Test accuracy was above 0.96 in both of the last two epochs.", True),
    ("beta", 2, "analysis", "Test accuracy was above 0.97 in both of the last two epochs.", False),
    ("gamma", 1, "result", "386 wrong out of 10k at the end.", True),
    ("gamma", 1, "result", "401 wrong out of 10k at the end.", False),
    ("example", 1, "result", "119 wrong out of 10k at epoch 15, 139 at epoch 13.", True),
    ("example", 1, "result", "119 wrong out of 10k at epoch 15, 136 at epoch 13.", False),
    ("example", 1, "result", "Epoch 4: Test set: Average loss: 0.1038, Accuracy: 9674/10000 (96.74%)", True),
    ("example", 1, "result", "Epoch 5: Test set: Average loss: 0.1038, Accuracy: 9674/10000 (96.74%)", False),
    ("gamma", 3, "analysis", "2 of the 3 seeds stayed above 96.5 over the last 3 epochs.", True),
    ("gamma", 3, "analysis", "2 of the 3 seeds stayed above 97 over the last 3 epochs.", False),
    ("gamma", 2, "analysis", "Why did test fall after epoch 3 when the lr never changed?", True),
    ("alpha", 2, "analysis", "Why did test fall after epoch 3 when the lr never changed?", False),
    ("alpha", 3, "result", "All 3 seeds fell short of 99.4; the best min-of-last-3 was only 97.19.", True),
    ("alpha", 3, "result", "All 3 seeds fell short of 99.4; the best min-of-last-3 was only 97.13.", False),
    ("example", 2, "analysis", "Test was stable at the end: 99.35, 99.42, 99.41.", True),
    ("example", 2, "analysis", "Test was stable at the end: 99.35, 99.41, 99.42.", False),
    ("example", 1, "analysis", "Test was still just shy of 98.5 at epoch 10.", True),
    ("example", 1, "analysis", "Test was still just shy of 98.5 at epoch 11.", False),
    ("beta", 2, "analysis",
     "Digit 0 went from 15 errors to 39, while digit 5 improved from 23 to 15 and digit 1 stayed at "
     "10.", True),
    ("beta", 2, "analysis",
     "Digit 0 went from 15 errors to 39, while digit 5 improved from 23 to 15 and digit 1 stayed at "
     "12.", False),
    ("beta", 3, "analysis",
     "The mean of the three final accuracies (95.33%) is about 2 points below Model_2's single "
     "run.", True),
    ("beta", 3, "analysis",
     "The mean of the three final accuracies (95.33%) is about 3 points below Model_2's single "
     "run.", False),
    ("example", 1, "analysis",
     "Test accuracy rose in every epoch up to epoch 12, stalled at 98.61% in epochs 13 and 14, and finished at 98.81%.", True),
    ("example", 1, "analysis",
     "Test accuracy rose in every epoch up to epoch 12, stalled at 98.61% in epochs 12 and 13, and finished at 98.81%.", False),
    ("example", 2, "analysis",
     "The target is still missed: the lowest of the last three epochs is 99.35%, 0.05 points below the "
     "line.", True),
    ("example", 2, "analysis",
     "The target is still missed: the lowest of the last three epochs is 99.35%, 0.15 points below the "
     "line.", False),
    ("example", 3, "analysis", "Train ends just above test, a much smaller gap than the 0.38 points of Model_2.", True),
    ("example", 3, "analysis", "Train ends just above test, a much smaller gap than the 0.48 points of Model_2.", False),
    ("beta", 3, "analysis", "Digit 3 has only 2 errors, with 104 fives also called 3.", True),
    ("beta", 3, "analysis", "Digit 3 has only 2 errors, with 140 fives also called 3.", False),
    ("example", 2, "analysis", "65 wrong out of 10k at epoch 13, i.e. 5 images short of the 99.4 line.", True),
    ("example", 2, "analysis", "65 wrong out of 10k at epoch 13, i.e. 6 images short of the 99.4 line.", False),
    ("alpha", 1, "analysis", "Why did nothing happen in epochs 1-4? Test acc sat between 7.16 and 11.35 the whole time.", True),
    ("alpha", 1, "analysis", "Why did nothing happen in epochs 1-4? Test acc sat between 10.28 and 11.35 the whole time.", False),
    # the fifteenth session's second batch (the fifteenth class: inline math, Observation / Reason / Next, shares)
    ("alpha", 1, "analysis",
     "Once it took off, test accuracy more than doubled in two epochs, from $38.49\\%$ at epoch 5 to "
     "$81.71\\%$ at epoch 7.", "partly"),
    ("alpha", 1, "analysis",
     "Once it took off, test accuracy more than doubled in two epochs, from $38.49\\%$ at epoch 5 to "
     "$81.71\\%$ at epoch 6.", False),
    ("gamma", 3, "analysis",
     "- **Observation:** seed 1 ended best (98.34 %) and seed 0 worst (97.51 %). → **Reason:** the "
     "path depends on the seed. → **Next:** report the mean.", "partly"),
    ("gamma", 3, "analysis",
     "- **Observation:** seed 2 ended best (98.34 %) and seed 0 worst (97.51 %). → **Reason:** the "
     "path depends on the seed. → **Next:** report the mean.", False),
    ("alpha", 2, "analysis",
     "By epoch 2 the model was already at $95.34\\%$, above anything Model_1 reached in 8 "
     "epochs.", "partly"),
    ("alpha", 2, "analysis",
     "By epoch 2 the model was already at $95.43\\%$, above anything Model_1 reached in 8 "
     "epochs.", False),
    ("gamma", 1, "analysis",
     "The receptive field is only 10 px at the flatten, too small to see whether the top of a 9 is "
     "closed.", "partly"),
    ("gamma", 1, "analysis",
     "The receptive field is only 12 px at the flatten, too small to see whether the top of a 9 is "
     "closed.", False),
    ("gamma", 1, "analysis", "4 and 9 are confused most: 76 of the 120 errors on 9 are 9s predicted as 4.", True),
    ("gamma", 1, "analysis", "4 and 9 are confused most: 67 of the 120 errors on 9 are 9s predicted as 4.", False),
    ("gamma", 1, "analysis",
     "Precision of 4 is the lowest of all digits (90.7 %), although 4 itself has the best accuracy "
     "(99.4 %).", True),
    ("gamma", 1, "analysis",
     "Precision of 4 is the lowest of all digits (90.7 %), although 4 itself has the best accuracy "
     "(98.6 %).", False),
    ("gamma", 1, "analysis", "Precision of 3 is the lowest of all digits (93.2 %).", False),
    ("alpha", 2, "result", "Params → **7,578** (< 8k ✓; +68 vs Model_1)", "partly"),
    ("alpha", 2, "result", "Params → **7,578** (< 8k ✓; +86 vs Model_1)", False),
    ("alpha", 1, "result", "- Take-off: ep 5 → $38.49\\%$", True),
    ("alpha", 1, "result", "- Take-off: ep 5 → $53.76\\%$", False),
    ("alpha", 1, "analysis", "Digit **2** alone accounts for 495 of the 1,371 test errors, more than one third.", True),
    ("alpha", 1, "analysis", "Digit **2** alone accounts for 495 of the 1,371 test errors, more than one half.", False),
    ("gamma", 2, "analysis", "8 accounts for 144 of the 308 test errors, almost half.", "partly"),
    ("gamma", 2, "analysis", "8 accounts for 144 of the 308 test errors, over half.", False),
    ("gamma", 3, "analysis", "The three finals lie within 0.83 points.", True),
    ("gamma", 3, "analysis", "The three finals lie within 0.18 points.", False),
    ("gamma", 3, "analysis",
     "None reached 99.4 % in any epoch; the best single value is 98.34 % (seed 1, epoch 5), 1.06 "
     "short.", True),
    ("gamma", 3, "analysis",
     "None reached 99.4 % in any epoch; the best single value is 98.34 % (seed 1, epoch 5), 1.16 "
     "short.", False),
    ("alpha", 3, "analysis",
     "None of the seeds reaches the 99.4 % line; even the best final ($98.33\\%$) is 1.07 points "
     "short.", True),
    ("alpha", 3, "analysis",
     "None of the seeds reaches the 99.4 % line; even the best final ($98.38\\%$) is 1.07 points "
     "short.", False),
    ("alpha", 3, "analysis", "Seed 0's epoch-4 value of $95.90\\%$ is the lowest of the nine last-three-epoch values.", True),
    # dev56 on arrival, three of its true ✗ read (`test_loss`, "all 980 zeros right", "Seeds → 0 of 3 PASS"), and "bottomed out"
    ("beta", 2, "result", "`test_loss` peaked at 0.7914 in epoch 2", True),
    ("beta", 2, "result", "`test_loss` peaked at 0.7914 in epoch 3", False),
    ("example", 2, "analysis", "0 is perfect: all 980 zeros right.", True),
    ("example", 2, "analysis", "0 is perfect: all 890 zeros right.", False),
    ("beta", 3, "result", "Seeds → 0 of 3 PASS", True),
    ("beta", 3, "result", "Seeds → 1 of 3 PASS", False),
    ("gamma", 1, "analysis", "`test_loss` bottomed out at 0.1279 in epoch 4.", True),
    ("gamma", 1, "analysis", "`test_loss` bottomed out at 0.1286 in epoch 3.", False),
    # the sixteenth session's readings (dev56's rest, dev57 and the sixteenth class on arrival)
    ("alpha", 1, "analysis", "For the first 4 epochs test accuracy sat at chance ($\\le 11.35\\%$) and only took off from "
                             "epoch 5", True),
    ("alpha", 1, "analysis", "For the first 5 epochs test accuracy sat at chance ($\\le 11.35\\%$) and only took off from "
                             "epoch 6", False),
    ("alpha", 1, "analysis", "Early on test was even below train, but from epoch 5 onward it stayed above it", None),
    ("alpha", 2, "analysis", "Class-wise, 7 (97.96%) and 9 (97.92%) are the weak spots; only 3 is worse", True),
    ("alpha", 2, "analysis", "Class-wise, 7 (97.96%) and 9 (97.92%) are the weak spots; only 8 is worse", False),
    ("example", 1, "analysis", "9 and 3 share third-worst place at about 98.51 %", True),
    ("example", 1, "analysis", "9 and 3 share second-worst place at about 98.51 %", False),
    ("example", 2, "analysis",
     "Class-wise, 6 is now the weak spot at 98.43 % (15 errors), worse than in Model_1 (11 errors)", True),
    ("example", 2, "analysis",
     "Class-wise, 6 is now the weak spot at 98.43 % (15 errors), better than in Model_1 (11 errors)", False),
    ("example", 1, "result", "RF 28 · bs 128", True),
    ("example", 1, "result", "RF 26 · bs 128", False),
    ("alpha", 3, "analysis", "Dropout raised the test errors.", True),
    ("alpha", 3, "analysis", "Dropout raised the test accuracy.", False),
    ("alpha", 3, "analysis", "No seed holds 99.4 %: the best minimum is seed 2's 97.19 %", True),
    ("alpha", 3, "analysis", "No seed holds 99.4 %: the best minimum is seed 1's 97.13 %", False),
    ("alpha", 3, "result", "Best test: 97.98 % @ ep 6 (seed 0)", True),
    ("alpha", 3, "result", "Best test: 98.33 % @ ep 6 (seed 0)", False),
    ("example", 1, "result", "| Epoch | Test acc (%) | Wrong / 10k | Train acc (%) | LR |\n|---|---|---|---|---|\n"
     "| 1 | 58.89 | 4111 | 20.10 | 0.0100 |", True),
    ("example", 1, "result", "| Epoch | Test acc (%) | Wrong / 10k | Train acc (%) | LR |\n|---|---|---|---|---|\n"
     "| 1 | 58.89 | 4110 | 20.10 | 0.0100 |", False),
    ("beta", 3, "result", "mean ± sd: 95.33 ± 1.84 % over three seeds", True),
    ("beta", 3, "result", "mean ± sd: 95.33 ± 1.48 % over three seeds", False),
    ("beta", 3, "result", "Lowest of the last three epochs per seed: 93.48 / 83.37 / 89.65 %, mean ± sd 88.83 ± 5.10 %", True),
    ("beta", 3, "result", "Lowest of the last three epochs per seed: 93.48 / 83.37 / 89.65 %, mean ± sd 88.83 ± 5.30 %", False),
    ("alpha", 1, "result", "The model converged to 86.29 % test accuracy.", True),
    ("alpha", 1, "result", "The model converged to 85.29 % test accuracy.", False),
    ("beta", 1, "result", "The model ended at 98 %, i.e. 200 errors on the test set.", True),
    ("beta", 1, "result", "The model ended at 98 %, i.e. 210 errors on the test set.", False),
    ("alpha", 2, "result", "✅ Parameters: 7,578 — an increase of 68 over Model 1, still under budget.", True),
    ("alpha", 2, "result", "✅ Parameters: 7,578 — an increase of 86 over Model 1, still under budget.", False),
    ("alpha", 2, "result", "Epoch one already reached 75.41 %, against 11.35 % for the skeleton at the same point.", "partly"),
    ("alpha", 2, "result", "Epoch one was already at 74.37 %, against 11.35 % for the skeleton at the same point.", False),
    ("beta", 2, "result", "Digit eight was the weakest class at 95.18 %.", True),
    ("beta", 2, "result", "Digit eight was the weakest class at 95.28 %.", False),
    ("gamma", 3, "result", "Seed 2 held no worse than 97.77 % over its final three epochs.", True),
    ("gamma", 3, "result", "Seed 1 held no worse than 97.77 % over its final three epochs.", False),
    ("example", 3, "result", "Test accuracy was seen to cross 99.4 % at the sixth epoch (99.43 %) and never dropped back below"
                             " it.",
     True),
    ("example", 3, "result", "Test accuracy was seen to cross 99.5 % at the seventh epoch (99.51 %) and never dropped back below "
     "it.", False),
    ("example", 2, "result", "Training accuracy pulled ahead of test from the eleventh epoch on, finishing at 99.79 %.", True),
    ("example", 2, "result", "Training accuracy pulled ahead of test from the eleventh epoch on, finishing at 99.41 %.", False),
    ("example", 1, "result", "Test accuracy ended at 98.81 %, with no epoch in the second half falling below 98 %.", True),
    ("example", 1, "result", "Test accuracy ended at 98.81 %, with no epoch in the second half falling below 98.2 %.", False),
    ("example", 2, "result", "The last three epochs read 99.35 %, 99.42 % and 99.41 %, so the minimum fell just short of 99.4 %.",
     True),
    ("example", 2, "result", "The last three epochs read 99.35 %, 99.42 % and 99.41 %, so the minimum fell just short of 99.3 %.",
     False),
    ("beta", 3, "analysis", "Seed one fell from 91.28 % in the second epoch to 83.37 % in the third.", True),
    ("beta", 3, "analysis", "Seed two fell from 91.28 % in the second epoch to 83.37 % in the third.", False),
    ("beta", 3, "analysis", "Per class (seed zero), digit seven was the weakest (146 errors, 85.80 %), followed by five (120 "
     "errors) and zero (105 errors)", True),
    ("beta", 3, "analysis", "Per class (seed zero), digit seven was the weakest (146 errors, 85.80 %), followed by five (102 "
     "errors) and zero (105 errors)", False),
    ("beta", 3, "result", "❌ Not one epoch of any seed reached 97.5 %", True),
    ("beta", 3, "result", "❌ Not one epoch of any seed reached 97 %", False),
    ("beta", 1, "analysis", "The receptive field at the output was computed as 14 pixels, half of the 28-pixel image.", "partly"),
    ("beta", 1, "analysis", "The receptive field at the output was computed as 18 pixels, half of the 28-pixel image.", False),
    ("beta", 2, "analysis", "In the fourth and fifth epochs test accuracy was above train accuracy (96.91 % against 95.74 %, "
                            "then "
     "97.33 % against 96.75 %).", True),
    ("beta", 2, "analysis", "In the fourth and fifth epochs test accuracy was above train accuracy (96.91 % against 95.74 %, "
                            "then "
     "97.33 % against 96.57 %).", False),
    ("example", 3, "analysis", "Seed 4 had the best final (99.60%), seeds 1 and 3 the worst (99.51%)", True),
    ("example", 3, "analysis", "Seed 4 had the best final (99.60%), seeds 1 and 2 the worst (99.51%)", False),
    ("example", 1, "analysis", "Digits 7 and 8 tie for worst at 19 wrong each, which is over 6x digit 0's 3", True),
    ("example", 1, "analysis", "Digits 7 and 8 tie for worst at 19 wrong each, which is over 7x digit 0's 3", False),
    ("example", 1, "analysis", "Digits 7 and 3 tie for worst at 19 wrong each", False),
    ("beta", 1, "analysis", "Digit nine's 33 errors were more than three times digit one's ten.", True),
    ("beta", 1, "analysis", "Digit nine's 33 errors were more than four times digit one's ten.", False),
    ("example", 2, "analysis", "Epoch 1 alone gets 97.51% (249 wrong), a level Model_1 only got past at epoch 6 (97.93).", True),
    ("example", 2, "analysis", "Epoch 1 alone gets 97.51% (249 wrong), a level Model_1 only got past at epoch 7 (97.96).", False),
    ("example", 2, "analysis", "Epoch 1 alone gets 97.51% (259 wrong).", False),
    ("example", 2, "analysis", "Did it hold the line, though?", None),
    ("example", 2, "analysis", "Train accuracy was above test in every epoch from epoch 8 on, ending 0.38 points ahead (99.79 vs "
     "99.41).", True),
    ("example", 2, "analysis", "Train accuracy was above test in every epoch from epoch 8 on, ending 0.38 points behind (99.79"
                               " vs "
     "99.41).", False),
    ("example", 2, "analysis", "Digit 6 got worse than in Model_1 (11 wrong there).", True),
    ("example", 2, "analysis", "Digit 6 got better than in Model_1 (11 wrong there).", False),
    ("example", 3, "result", "The lowest epoch across all six seeds' last three epochs: 99.43% (seed 1, epoch 13).", True),
    ("example", 3, "result", "The lowest epoch across all six seeds' last three epochs: 99.43% (seed 1, epoch 14).", False),
    ("beta", 2, "result", "📉 Test loss was brought down in each of the last three epochs, ending at 0.0873.", True),
    ("beta", 2, "result", "📉 Test loss was brought down in each of the last four epochs, ending at 0.0873.", False),
    ("beta", 2, "analysis", "In error counts, sixty-seven more test errors were made (267 against 200).", True),
    ("beta", 2, "analysis", "In error counts, seventy-seven more test errors were made (267 against 200).", False),
    ("beta", 3, "analysis", "About 42 % more parameters were given to the network than to Model_2 (9,574 against 6,720).", True),
    ("beta", 3, "analysis", "About 24 % more parameters were given to the network than to Model_2 (9,574 against 6,720).", False),
    ("beta", 3, "analysis", "In the fifth epoch, train accuracy (96.21 %) was observed 2.73 points above test accuracy (93.48 "
                            "%).",
     True),
    ("beta", 3, "analysis", "In the fifth epoch, train accuracy (96.21 %) was observed 2.73 points below test accuracy (93.48 "
                            "%).",
     False),
    ("example", 3, "analysis", "The train accuracy jumps by 0.80 points at epoch 13 (98.68 to 99.48).", True),
    ("example", 3, "analysis", "The train accuracy jumps by 0.80 points at epoch 14 (98.68 to 99.48).", False),
    ("gamma", 1, "analysis", "The model reached ninety-six percent within four epochs.", True),
    ("gamma", 1, "analysis", "The model reached ninety-seven percent within four epochs.", False),
    ("beta", 2, "result", "Test accuracy was at least as high as training accuracy in epochs four and five.", True),
    ("beta", 2, "result", "Test accuracy was at least as high as training accuracy in all five epochs.", False),
    ("alpha", 3, "result", "Across n = 3 seeds the final accuracies ranged between 97.75 % and 98.33 %, and none of them came "
     "within reach of the 99.4 % line.", True),
    ("alpha", 3, "result", "Across n = 3 seeds the final accuracies ranged between 97.75 % and 98.38 %, and none of them came "
     "within reach of the 99.4 % line.", False),
    ("example", 3, "analysis", "Compared with Model_1, test errors at the final epoch dropped by roughly sixty per cent.", True),
    ("example", 3, "analysis", "Compared with Model_1, test errors at the final epoch dropped by roughly forty per cent.", False),
    ("beta", 1, "analysis", "Is train ahead of test? From epoch 2 on, yes.", True),
    ("beta", 1, "analysis", "Is train ahead of test? From epoch 1 on, yes.", False),
    ("beta", 3, "analysis", "Test was at least as high as train in epochs three and four.", True),
    ("beta", 3, "analysis", "Test was at least as high as train in epochs four and five.", False),
    # the sixteenth session's second batch (the seventeenth class and dev58 on arrival: a tutorial voice, pp, error counts)
    ("alpha", 1, "analysis", "Averaged over the last three epochs, train accuracy is 6.50 pp below test.", True),
    ("alpha", 1, "analysis", "Averaged over the last three epochs, train accuracy is 7.50 pp below test.", False),
    ("alpha", 1, "result", "Lowest of the last three test accuracies: 53.76 % (epoch 6), target − 45.64 pp", True),
    ("alpha", 1, "result", "Lowest of the last three test accuracies: 53.76 % (epoch 6), target − 45.46 pp", False),
    ("gamma", 1, "analysis", "[M1] worst digit: 9, 88.11 % (120 errors), 31 % of all 386 errors", True),
    ("gamma", 1, "analysis", "[M1] worst digit: 9, 88.11 % (120 errors), 41 % of all 386 errors", False),
    ("gamma", 2, "result", "[M2] params 14,410 → 8,000: −44 %", True),
    ("gamma", 2, "result", "[M2] params 14,410 → 8,000: −54 %", False),
    ("gamma", 2, "analysis", "[M2] training images 5,000 → 10,000, twice the data.", True),
    ("gamma", 2, "analysis", "[M2] training images 6,000 → 10,000, twice the data.", False),
    ("alpha", 3, "analysis", "Look at epoch 5 on seed 0: test accuracy (97.93 %) is above train accuracy (97.70 %)", True),
    ("alpha", 3, "analysis", "Look at epoch 4 on seed 0: test accuracy (97.93 %) is above train accuracy (97.70 %)", False),
    ("gamma", 1, "analysis", "[M1] ep 4: train ahead by 0.70 pp", True),
    ("gamma", 1, "analysis", "[M1] ep 3: train ahead by 0.70 pp", False),
    ("alpha", 1, "analysis", "The train loss stays between 2.28 and 2.31 in those four epochs", None),
    ("gamma", 1, "analysis", "[M1] test loss flat at the end: 0.1286 → 0.1279", True),
    ("gamma", 1, "analysis", "[M1] test loss flat at the end: 0.1951 → 0.1279", False),
    ("alpha", 2, "analysis", "Averaged over the last three epochs train sits 0.68 pp above test.", True),
    ("alpha", 2, "analysis", "Averaged over the last three epochs train sits 0.68 pp below test.", False),
    ("gamma", 3, "result", "- [M3] seed 1 vs. seed 0: final 98.34 vs. 97.51", True),
    ("gamma", 3, "result", "- [M3] seed 2 vs. seed 0: final 98.34 vs. 97.51", False),
    ("gamma", 2, "result", "- [M2] test errors: 308 (vs. 386 for M1).", True),
    ("gamma", 2, "result", "- [M2] test errors: 308 (vs. 249 for M1).", False),
    ("gamma", 2, "analysis", "- [M2] errors 386 → 308: a 20 % cut.", True),
    ("gamma", 2, "analysis", "- [M2] errors 386 → 308: a 25 % cut.", False),
    ("gamma", 2, "analysis", "- [M2] digit 8 vs. M1: 68 → 144 errors, more than double.", True),
    ("gamma", 2, "analysis", "- [M2] digit 8 vs. M1: 68 → 144 errors, more than triple.", False),
    ("gamma", 2, "analysis", "[M2] digit 5 vs. M1: 63 → 33 errors, a 48 % cut", True),
    ("gamma", 2, "analysis", "[M2] digit 5 vs. M1: 63 → 33 errors, a 38 % cut", False),
    ("gamma", 3, "analysis", "[M3] digit 9 vs. M1: 120 → 43 errors, 36 % of M1's count", True),
    ("gamma", 3, "analysis", "[M3] digit 9 vs. M1: 120 → 43 errors, 46 % of M1's count", False),
    ("alpha", 3, "result", "Not one of the seeds holds 99.4.", True),
    ("alpha", 3, "result", "Not one of the seeds holds 97.", False),
    ("alpha", 3, "result", "Seed 0 dips to 95.90 in epoch 4, the lowest of anyone's last 3 epochs.", True),
    ("alpha", 3, "result", "Seed 1 dips to 95.90 in epoch 4, the lowest of anyone's last 3 epochs.", False),
    ("alpha", 3, "result", "The worst digit is 9 (96.43 %), a hair below 7 (96.50 %).", True),
    ("alpha", 3, "result", "The worst digit is 9 (96.43 %), a hair below 7 (96.60 %).", False),
    ("beta", 3, "result", "Notice it falls back to 93.48 at epoch 5: 5.92 short of the target.", True),
    ("beta", 3, "result", "Notice it falls back to 93.48 at epoch 5: 5.82 short of the target.", False),
    ("alpha", 3, "result", "Seed 1 is still 1.07 below 99.4 at its final epoch.", True),
    ("alpha", 3, "result", "Seed 0 is still 1.07 below 99.4 at its final epoch.", False),
    ("gamma", 3, "result", "Eights are still your problem digit: 111 errors, 33 fewer than Model_2's 144.", True),
    ("gamma", 3, "result", "Eights are still your problem digit: 111 errors, 43 fewer than Model_2's 144.", False),
    ("example", 3, "analysis", "Errors: 59 for Model_2, 45 for Model_3.", True),
    ("example", 3, "analysis", "Errors: 59 for Model_2, 55 for Model_3.", False),
    ("alpha", 2, "analysis", "Test rises in every epoch of Model_2, from 75.41 to 98.49.", True),
    ("alpha", 2, "analysis", "Test rises in every epoch of Model_2, from 75.41 to 98.40.", False),
    ("alpha", 1, "result", "Model_1 finishes 13.11 below 99.4 %.", True),
    ("alpha", 1, "result", "Model_1 finishes 12.11 below 99.4 %.", False),
    ("example", 3, "result", "The final epoch beats the target by 0.15.", True),
    ("example", 3, "result", "The final epoch beats the target by 0.25.", False),
    ("gamma", 3, "result", "Eights still go wrong 111 times.", True),
    ("gamma", 3, "result", "Eights still go wrong 144 times.", False),
    ("gamma", 1, "analysis", "Over the last 3 epochs train runs 0.07 behind test.", True),
    ("gamma", 1, "analysis", "Over the last 3 epochs train runs 0.07 ahead of test.", False),
    ("alpha", 2, "result", "Errors drop from 1,371 to 151, a 89 % cut.", True),
    ("alpha", 2, "result", "Errors drop from 1,371 to 151, a 79 % cut.", False),
    ("beta", 2, "result", "267 errors against 200: the errors go up by a third.", True),
    ("beta", 2, "result", "267 errors against 200: the errors go up by half.", False),
    ("example", 2, "result", "59 errors against 119 - half fewer.", True),
    ("example", 2, "result", "59 errors against 119 - a third fewer.", False),
    ("gamma", 3, "analysis", "308 → 249 errors, a 19 % cut.", True),
    ("gamma", 3, "analysis", "308 → 249 errors, a 40 % cut.", False),
    ("example", 3, "analysis", "59 → 45: a 24 % cut in errors.", True),
    ("example", 3, "analysis", "59 → 45: a 40 % cut in errors.", False),
    # the seventeenth session (dev59 and the eighteenth class on arrival: decimal commas, spaced thousands, the rubric's
    # checklist, sub-bullets under its items)
    ("alpha", 1, "result", "Model_1 has 7 510 parameters and was trained 8 ep. on 6 000 images.", True),
    ("alpha", 1, "result", "Model_1 has 7 510 parameters and was trained 8 ep. on 8 000 images.", False),
    ("alpha", 2, "result", "In ep. 5 the accuracy makes a jump from 96,51 to 98,40 %, the epoch where the rate is cut to "
                           "0,005.", True),
    ("alpha", 2, "result", "In ep. 5 the accuracy makes a jump from 96,51 to 98,49 %, the epoch where the rate is cut to "
                           "0,005.", False),
    ("alpha", 3, "result", "Seeds 1 and 2 end at 98,33 resp. 97,75 %.", True),
    ("alpha", 3, "result", "Seeds 1 and 2 end at 97,75 resp. 98,33 %.", False),
    ("beta", 3, "result", "The wider model has 9 574 parameters, 2 854 more than Model_2 (6 720).", True),
    ("beta", 3, "result", "The wider model has 9 574 parameters, 2 954 more than Model_2 (6 720).", False),
    ("beta", 1, "target", "Target: [x] BN network < 8k params, [x] one-cycle up to 0,1, [x] 5 epochs on 8 000 images", "aim met"),
    ("gamma", 1, "analysis", "Test is higher as train in ep. 1–3 (91,88 vs 76,08 % in ep. 1), only in ep. 4 train is in "
                             "front.", True),
    ("gamma", 1, "analysis", "Test is higher as train in ep. 1–4 (91,88 vs 76,08 % in ep. 1).", False),
    ("example", 3, "analysis", "Compared to Model_2 the final is only 0,14 points higher.", True),
    ("example", 3, "analysis", "Compared to Model_2 the final is only 0,24 points higher.", False),
    ("beta", 1, "result", "[ ] last-3 ≥ 99,4 %: no (95,75 / 95,94 / 98,00)", True),
    ("beta", 1, "result", "[ ] last-3 ≥ 99,4 %: no (95,75 / 95,94 / 98,10)", False),
    ("example", 1, "result", "[x] Params < 8k: 7,500 ✔", True),
    ("example", 1, "result", "[ ] Params < 8k: 7,500 ✘", False),
    ("gamma", 1, "result", "[ ] Params < 8k: 14 410 ✘", True),
    ("gamma", 1, "result", "[x] Params < 8k: 14 410 ✔", False),
    ("example", 1, "result", "[x] Epochs ≤ 15: 15 ✔", True),
    ("example", 1, "result", "[x] Epochs ≤ 12: 15 ✔", False),
    ("example", 2, "result", "[ ] Last 3 epochs ≥ 99.4 % → no, not even the best epoch gets there.", True),
    ("example", 3, "result", "[ ] Last 3 epochs ≥ 99.4 % → no, not even the best epoch gets there.", False),
    ("alpha", 3, "result", "[ ] last-3 ≥ 99,4 %: no (95,90 / 97,93 / 97,98)", True),
    ("alpha", 3, "result", "[ ] last-3 ≥ 99,4 %: no (95,90 / 97,93 / 98,33)", False),
    ("example", 3, "result", "[x] last-3 ≥ 99,4 %: yes, all 6 seeds (lowest 99,43 in seed 1)", True),
    ("example", 3, "result", "[x] last-3 ≥ 99,4 %: yes, all 6 seeds (lowest 99,51 in seed 1)", False),
    ("example", 2, "result", "- → best 99.42 (ep 14)", True),
    ("example", 2, "result", "- → best 99.42 (ep 15)", False),
    ("alpha", 3, "result", "Test accuracy in the last 3 epochs: 95.90 / 97.93 / 97.98.", True),
    ("alpha", 3, "result", "Test accuracy in the last 3 epochs: 95.90 / 97.93 / 98.33.", False),
    ("example", 3, "analysis", "The test accuracy is stable at the end: 99.56 / 99.54 / 99.55 %.", True),
    ("example", 3, "analysis", "The test accuracy is stable at the end: 99.56 / 99.54 / 99.65 %.", False),
    ("example", 2, "result", "Worst digit is the 6 with 98.43 %, the 0 with 100 %.", True),
    ("example", 2, "result", "Worst digit is the 6 with 98.43 %, the 0 with 99.82 %.", False),
    ("beta", 3, "result", "The test loss is lowest in epoch 4 with 0.1260.", True),
    ("beta", 3, "result", "The test loss is lowest in epoch 3 with 0.1263.", False),
    ("gamma", 3, "result", "With seed 0 the accuracy falls in epoch 2 to 92.09 %.", True),
    ("gamma", 3, "result", "With seed 0 the accuracy falls in epoch 2 to 92.36 %.", False),
    ("beta", 3, "analysis", "Seed 0 falls at the end from 96.47 % in epoch 3 to 93.48 % in epoch 5.", True),
    ("beta", 3, "analysis", "Seed 0 falls at the end from 96.47 % in epoch 3 to 93.58 % in epoch 5.", False),
    ("example", 3, "analysis", "The weakest seed: seed 1 has 99.43 / 99.49 / 99.51 in its last three epochs.", True),
    ("example", 3, "analysis", "The weakest seed: seed 1 has 99.43 / 99.49 / 99.61 in its last three epochs.", False),
    ("example", 3, "analysis", "Seed 1 has 99.43 / 99.49 / 99.51 in its last three epochs, 0.03 above the line at its "
                               "worst.", True),
    ("example", 3, "analysis", "Seed 1 has 99.43 / 99.49 / 99.51 in its last three epochs, 0.13 above the line at its "
                               "worst.", False),
    ("example", 3, "analysis", "Compared to Model_2, seed 0's lowest of the last 3 is 0.19 higher: 99.54 against 99.35.", True),
    ("example", 3, "analysis", "Compared to Model_2, seed 0's lowest of the last 3 is 0.19 lower: 99.54 against 99.35.", False),
    ("beta", 1, "analysis", "Most often a 7 is taken for a 2 (12 times), resp. a 4 for a 9 (11 times).", True),
    ("beta", 1, "analysis", "Most often a 7 is taken for a 2 (13 times), resp. a 4 for a 9 (11 times).", False),
    ("alpha", 1, "analysis", "The train–test gap in the last 3 epochs is about -6.5 points.", True),
    ("alpha", 1, "analysis", "The train–test gap in the last 3 epochs is about +6.5 points.", False),
    ("alpha", 1, "analysis", "The gap in the last 3 epochs is about 6.5 points in favour of test.", True),
    ("alpha", 1, "analysis", "The gap in the last 3 epochs is about 6.5 points in favour of train.", False),
    ("example", 2, "analysis", "- vs Model_1: final +0.60 (98.81 → 99.41)", True),
    ("example", 2, "analysis", "- vs Model_1: final +0.70 (98.81 → 99.41)", False),
    ("example", 3, "result", "All 6 seeds hold 99.4 % in the last 3 epochs (lowest 99.43 in seed 1).", True),
    ("example", 3, "result", "last-3 ≥ 99.4 % on all 6 seeds (lowest 99.51 in seed 1)", False),
    ("beta", 3, "analysis", "It has no more than 3,000 parameters above Model_2.", True),
    ("beta", 3, "analysis", "It has at most 2,000 parameters more than Model_2.", False),
    ("beta", 3, "target", "A wider network, but no more than 3,000 parameters above Model_2.", "aim met"),
    ("gamma", 1, "analysis", "Is the model under 8k params? No.", True),
    ("beta", 1, "analysis", "The model is not under 8k params.", False),
    ("beta", 3, "analysis", "Over-fitting is no problem here, the mean gap of the last 3 epochs is only 0.03 points.", True),
    ("beta", 3, "analysis", "Over-fitting is no problem here, the mean gap of the last 3 epochs is only 0.13 points.", False),
    ("beta", 2, "target", "Target: the same network, but with rotation up to 10° and shifts of 10 %, against the "
                          "over-fitting.", "aim not decidable"),
    # its second pair (dev60 and the nineteenth class on arrival: a changelog's tags, code's names for figures, a printed
    # DataFrame's rows)
    ("alpha", 2, "result", "`train_final=0.9903` `test_final=0.9849`", True),
    ("alpha", 2, "result", "`train_final=0.9903` `test_final=0.9840`", False),
    ("alpha", 2, "result", "best(test)=98.49@6", True),
    ("alpha", 2, "result", "best(test)=98.49@5", False),
    ("alpha", 2, "result", "min(test[-3:]) = 96.51", True),
    ("alpha", 2, "result", "min(test[-3:]) = 98.40", False),
    ("alpha", 2, "result", "`min_last3=96.51`", True),
    ("alpha", 2, "result", "`min_last3=96.04`", False),
    ("alpha", 2, "result", "errors(digit 3)=23", True),
    ("alpha", 2, "result", "errors(digit 3)=32", False),
    ("alpha", 2, "result", "worst_class = 3", True),
    ("alpha", 2, "result", "worst_class = 8", False),
    ("beta", 3, "result", "`best_test=96.47@3` `final_test=93.48`", True),
    ("beta", 3, "result", "`best_test=96.47@4` `final_test=93.48`", False),
    ("beta", 2, "analysis", "fixed: gap 0.80 -> 0.33 [fit]", True),
    ("beta", 2, "analysis", "fixed: gap 0.80 -> 0.43 [fit]", False),
    ("beta", 2, "analysis", "regressed: worst class 9 -> 8 (errors 33 -> 47).", "partly"),
    ("beta", 2, "analysis", "regressed: worst class 9 -> 5 (errors 33 -> 47).", False),
    ("example", 2, "result", "lr(epoch 5)=0.1 is the peak, lr(epoch 15)=0.002.", True),
    ("example", 2, "result", "lr(epoch 5)=0.1 is the peak, lr(epoch 15)=0.02.", False),
    ("beta", 3, "result", "[budget] FAIL on 3 of 3 seeds; worst `min_last3=83.37` (seed 1).", True),
    ("beta", 3, "result", "[budget] FAIL on 1 of 3 seeds; worst `min_last3=83.37` (seed 1).", False),
    ("alpha", 3, "analysis", "worst_class = 9, errors(digit 9)=36, the same count as digit 7.", True),
    ("alpha", 3, "analysis", "worst_class = 7, errors(digit 9)=36, the same count as digit 7.", False),
    ("gamma", 1, "analysis", "[perf] gap to target at the final epoch: 99.4 - 96.14 = 3.26 pp.", True),
    ("gamma", 1, "analysis", "[perf] gap to target at the final epoch: 99.4 - 96.14 = 3.36 pp.", False),
    ("gamma", 2, "analysis", "digit 8 = 144 of 308 errors (47 %); top confusions 8 -> 0 (36) and 8 -> 3 (30).", True),
    ("gamma", 2, "analysis", "digit 8 = 144 of 308 errors (57 %); top confusions 8 -> 0 (36) and 8 -> 3 (30).", False),
    ("gamma", 2, "analysis", "fixed: errors(digit 9)=120 -> 53.", True),
    ("gamma", 2, "analysis", "fixed: errors(digit 9)=120 -> 63.", False),
    ("gamma", 3, "analysis", "`mean(min_last3)=95.62` over the three seeds.", True),
    ("gamma", 3, "analysis", "`mean(min_last3)=95.72` over the three seeds.", False),
    ("alpha", 3, "analysis", "Averaged over the seeds, the lowest of the last three is 96.74, still 2.66 pp under 99.4.", True),
    ("alpha", 3, "analysis", "Averaged over the seeds, the lowest of the last three is 96.84, still 2.66 pp under 99.4.", False),
    ("alpha", 1, "analysis", "Most of those are 2 -> 3 (330 images), the biggest confusion of the run.", True),
    ("alpha", 1, "analysis", "Most of those are 2 -> 3 (320 images), the biggest confusion of the run.", False),
    ("alpha", 3, "analysis", "Digits 7 and 9 are the worst with 36 each, and 4 -> 9 is the top confusion (18 images).", True),
    ("alpha", 3, "analysis", "Digits 7 and 4 are the worst with 36 each, and 4 -> 9 is the top confusion (18 images).", False),
    ("alpha", 3, "analysis", "The gap closed: in the last row train is only 0.05 pp above test (98.03 vs 97.98).", True),
    ("alpha", 3, "analysis", "The gap closed: in the last row train is only 0.15 pp above test (98.03 vs 97.98).", False),
    ("gamma", 3, "analysis", "To reach 99.4: the full 60,000 images, more epochs, and a schedule that cuts the rate.", "plan"),
    # a list written without spaces is a list, not a decimal comma
    ("alpha", 3, "analysis", "Seeds 0,1 both end above 97.9 %.", True),
    ("alpha", 3, "analysis", "Seeds 0,2 both end above 97.9 %.", False),
    ("alpha", 3, "analysis", "Seeds 0,1,2 all end above 97.8 %.", False),
    ("alpha", 1, "analysis", "In ep. 7,8 the test accuracy is above 81 %.", True),
    ("alpha", 1, "analysis", "In epochs 6,7 the test accuracy is above 81 %.", False),
    # its third pair (dev61 and the twentieth class on arrival: magnitudes said in words - bands, ratios, shares - beside
    # the figures, a block's parameters, a changelog's tags, a code's per-seed list)
    ("beta", 1, "analysis", "Test stays north of 95 % from epoch 3 on (95.75 / 95.94 / 98.00 %).", True),
    ("beta", 1, "analysis", "Test stays north of 95 % from epoch 3 on (95.75 / 95.94 / 98.01 %).", False),
    ("beta", 1, "analysis", "block2 eats the lion's share of the parameters (5,480 of 6,720).", True),
    ("beta", 1, "analysis", "block2 eats the lion's share of the parameters (5,840 of 6,720).", False),
    ("beta", 1, "analysis", "block1 holds only 1,030 of the 6,720 parameters.", True),
    ("beta", 2, "analysis", "Against Model_1 it loses 0.67 on the final test (98.00 → 97.33 %) and 3.77 on the lowest of the "
                            "last 3 (95.75 → 91.98 %).", True),
    ("beta", 2, "analysis", "Against Model_1 it loses 0.67 on the final test (98.00 → 97.33 %) and 3.87 on the lowest of the "
                            "last 3 (95.75 → 91.98 %).", False),
    ("example", 1, "analysis", "No gap between train and test, and neither of them reaching 99.4 %, means the plain net is "
                               "under-fitting, not over-fitting.", True),
    ("example", 2, "analysis", "Neither of them reaching 99.4 % means the net is under-fitting.", False),
    ("example", 1, "analysis", "The rate stays at 0.01 in all 15 epochs, so nothing in the schedule speeds up the start.", True),
    ("example", 1, "analysis", "The rate stays at 0.01 in all 15 epochs, so the schedule speeds up the start.", False),
    ("example", 3, "analysis", "Once the augmentation is off, train catches up within two epochs.", None),
    ("example", 3, "analysis", "Every seed's lowest of the last 3 (99.43 to 99.54 %) is above Model_2's 99.35 %.", "partly"),
    ("example", 3, "analysis", "Every seed's lowest of the last 3 (99.43 to 99.55 %) is above Model_2's 99.35 %.", False),
    ("beta", 2, "analysis", "7 of the 10 digits got worse; only 5 and 6 improved (23 → 15 and 25 → 24 errors), and 1 stayed "
                            "at 10.", "partly"),
    ("beta", 2, "analysis", "7 of the 10 digits got worse; only 5 and 6 improved (23 → 15 and 25 → 24 errors), and 1 stayed "
                            "at 11.", False),
    ("beta", 2, "analysis", "Compared with Model_1, 7 of the 10 digits got worse.", True),
    ("beta", 2, "analysis", "Compared with Model_1, 6 of the 10 digits got worse.", False),
    ("beta", 2, "analysis", "Only 2 digits improved.", True),
    ("beta", 3, "analysis", "The mean of the three seeds' lowest-of-last-3 values is only 88.83 %.", True),
    ("beta", 3, "analysis", "The mean of the three seeds' lowest-of-last-3 values is only 88.73 %.", False),
    ("beta", 3, "result", "9,574 parameters: widening costs roughly 40 % more than step 2's 6,720.", True),
    ("beta", 3, "result", "9,574 parameters: widening costs roughly 60 % more than step 2's 6,720.", False),
    ("gamma", 3, "result", "About 60 fewer errors than step 2 (249 vs 308).", True),
    ("gamma", 3, "result", "About 90 fewer errors than step 2 (249 vs 308).", False),
    ("gamma", 3, "analysis", "Digit 8 is still the weakest with 111 errors, well over a third of the 249.", True),
    ("gamma", 3, "analysis", "Digit 8 is still the weakest with 111 errors, well over half of the 249.", False),
    ("gamma", 3, "result", "Final test 97.51 %, mid-97s.", True),
    ("gamma", 3, "result", "Final test 97.51 %, in the high 97s.", False),
    ("alpha", 1, "result", "Test more than doubles from epoch 4 to epoch 5 (7.16 -> 38.49).", True),
    ("alpha", 1, "result", "Test nearly doubles from epoch 5 to epoch 6 (38.49 -> 53.76).", False),
    ("example", 2, "analysis", "Digit 6 alone makes about a quarter of the 59 mistakes.", True),
    ("example", 2, "analysis", "Digit 6 alone makes about half of the 59 mistakes.", False),
    ("alpha", 1, "analysis", "Digit 1 is the best class, with single-digit errors.", False),
    ("beta", 1, "analysis", "The last epoch alone adds 2.06 points on test (95.94 → 98.00 %).", True),
    ("beta", 1, "analysis", "The last epoch alone adds 2.16 points on test (95.94 → 98.00 %).", False),
    ("example", 3, "analysis", "Seed 3 slips a little in each of its last 3 epochs (99.54 → 99.52 → 99.51 %).", True),
    ("example", 3, "analysis", "Seed 3 climbs a little in each of its last 3 epochs (99.54 → 99.52 → 99.51 %).", False),
    ("beta", 3, "analysis", "9,574 parameters is over the 8,000 cap.", True),
    ("beta", 3, "analysis", "9,574 parameters is over the 9,000 cap.", False),
    ("gamma", 2, "result", "8,000 parameters: not under the 8k cap.", True),
    ("gamma", 2, "result", "8,000 parameters lands just under the 8k cap.", False),
    ("gamma", 3, "analysis", "The min of the last 3 fell from 96.92 to 92.36.", True),
    ("gamma", 3, "analysis", "The min of the last 3 rose from 96.92 to 92.36.", False),
    ("gamma", 3, "analysis", "regressed: gap 0.60 -> 2.80 [fit]", True),
    ("gamma", 3, "analysis", "fixed: gap 0.60 -> 2.80 [fit]", False),
    ("example", 2, "result", "[budget] FAIL: test >= 99.4 in each of the last 2 epochs (99.42, 99.41).", True),
    ("example", 2, "result", "[budget] PASS: test >= 99.4 in each of the last 2 epochs (99.42, 99.41).", False),
    ("alpha", 3, "result", "min(test[-3:]) by seed: seed 0 = 95.90, seed 1 = 97.13, seed 2 = 97.19.", True),
    ("alpha", 3, "result", "min(test[-3:]) by seed: seed 0 = 95.90, seed 1 = 97.13, seed 2 = 97.73.", False),
    ("alpha", 3, "analysis", "The min of the last 3 is 95.90 on seed 0, 97.13 on seed 1 and 97.19 on seed 2.", True),
    ("alpha", 3, "analysis", "The min of the last 3 is 95.90 on seed 0, 97.13 on seed 1 and 97.73 on seed 2.", False),
    ("beta", 1, "result", "`train_final=98.33` `test_final=98.00` `test_e1=90.37`", True),
    ("beta", 1, "result", "`train_final=98.33` `test_final=98.00` `test_e1=92.17`", False),
    ("example", 3, "result", "- Mean of the six minima: 99.51 %", True),
    ("example", 3, "result", "- Mean of the six minima: 99.52 %", False),
    ("example", 2, "analysis", "The one-cycle rate is highest at the start of epoch 5 (0.0999).", True),
    ("example", 2, "analysis", "The one-cycle rate is highest at the start of epoch 4 (0.0999).", False),
    ("gamma", 2, "result", "changed: Adam(0.002) -> SGD(0.05), batch 32 -> 64, images 5,000 -> 10,000.", "partly"),
    ("gamma", 2, "result", "changed: Adam(0.002) -> SGD(0.05), batch 32 -> 128, images 5,000 -> 10,000.", False),
    ("example", 2, "analysis", "changed: lr 0.01 constant -> one-cycle, peak 0.1 at epoch 5.", True),
    ("example", 2, "analysis", "changed: lr 0.01 constant -> one-cycle, peak 0.1 at epoch 4.", False),
    ("alpha", 3, "result", "Seed 1's min of the last 3 (97.13) is a tad below seed 2's (97.19).", True),
    ("alpha", 3, "result", "Seed 1's min of the last 3 (97.13) is a tad above seed 2's (97.19).", False),
    ("alpha", 3, "analysis", "Seeds 0,1 both end above 97.9 %.", True),
    # the twenty-first class's readings: a lab report's nominalised voice and a fast student's shorthand
    ("alpha", 3, "result", "worst: 9 (96.43), err(7) = 36", True),
    ("alpha", 3, "result", "worst: 9 (96.43), err(7) = 37", False),
    ("beta", 3, "result", "finals: 93.48 | 97.15 | 95.37 (s0 | s1 | s2)", True),
    ("beta", 3, "result", "finals: 93.48 | 95.37 | 97.15 (s0 | s1 | s2)", False),
    ("example", 2, "result", "first ≥ 99 % @ e5", True),
    ("example", 2, "result", "first ≥ 99 % @ e6", False),  # 99.10 at epoch 6, but 99.00 at epoch 5 came first
    ("example", 1, "result", "Test accuracy first exceeded 98 % at epoch 8.", True),
    ("example", 1, "result", "Test accuracy first exceeded 98 % at epoch 9.", False),
    ("gamma", 2, "result", "Test accuracy peaked at 98.12 % in epoch 3 and subsequently declined by 1.20 pp to 96.92 % at the "
                           "final epoch.", True),  # a move within the run, no step compared
    ("gamma", 2, "result", "Test accuracy peaked at 98.12 % in epoch 3 and subsequently declined by 1.10 pp to 96.92 % at the "
                           "final epoch.", False),
    ("example", 3, "analysis", "Already after the first epoch, the test accuracy of 99.07 % exceeded that of Model_2 by 1.56 "
                               "pp.", True),  # this step's figure, and epoch 1 of both
    ("example", 3, "analysis", "Already after the first epoch, the test accuracy of 99.07 % exceeded that of Model_2 by 1.66 "
                               "pp.", False),
    ("example", 2, "analysis", "Relative to Model_1, final test accuracy rose by 0.60 pp, which corresponds to roughly a 50 % "
                               "relative reduction in test errors (119 down to 59).", True),
    ("example", 2, "analysis", "Relative to Model_1, final test accuracy rose by 0.60 pp, which corresponds to roughly a 50 % "
                               "relative reduction in test errors (129 down to 59).", False),
    ("alpha", 2, "analysis", "The test error rate fell from 13.71 % to 1.51 % between the two models, a relative reduction "
                             "of approximately 89 %.", True),
    ("alpha", 2, "analysis", "The test error rate fell from 13.71 % to 1.51 % between the two models, a relative reduction "
                             "of approximately 79 %.", False),
    ("alpha", 3, "analysis", "gap₃: 0.68 (M2) ⟶ 0.14 (M3)", True),
    ("alpha", 3, "analysis", "gap₃: 0.68 (M2) ⟶ 0.24 (M3)", False),
    ("gamma", 3, "analysis", "gap₃ ↑ 0.60 → 2.80", True),
    ("gamma", 3, "analysis", "gap₃ ↓ 0.60 → 2.80", False),
    ("gamma", 2, "analysis", "Averaged over the final three epochs, training accuracy exceeded test accuracy by 0.60 pp.", True),
    ("gamma", 2, "analysis", "Averaged over the final three epochs, training accuracy exceeded test accuracy by 0.70 pp.", False),
    ("beta", 2, "analysis", "Averaged over the final three epochs, the gap amounted to 0.33 pp.", True),
    ("beta", 2, "analysis", "Averaged over the final three epochs, the gap amounted to 0.58 pp.", False),  # the last epoch's
    ("alpha", 1, "analysis", "For the first four epochs the network remained at chance level: test accuracy did not exceed "
                             "11.35 %.", True),
    ("alpha", 1, "analysis", "For the first four epochs the network remained at chance level: test accuracy did not exceed "
                             "10.35 %.", False),
    ("alpha", 1, "result", "Minimum test accuracy over the last three epochs: 53.76 % (epoch 6); the budget criterion was "
                           "therefore not met.", True),
    ("alpha", 1, "result", "Minimum test accuracy over the last three epochs: 53.76 % (epoch 6); the budget criterion was "
                           "therefore met.", False),
    ("gamma", 3, "result", "For seed 0, the lowest test accuracy of the final three epochs (92.36 %) occurred at epoch 3.", True),
    ("gamma", 3, "result", "For seed 0, the lowest test accuracy of the final three epochs (92.36 %) occurred at epoch 4.",
     False),
    ("example", 3, "result", "The lowest last-three-epoch minimum among the seeds, 99.43 %, belonged to seed 1.", True),
    ("example", 3, "result", "The lowest last-three-epoch minimum among the seeds, 99.43 %, belonged to seed 3.", False),
    ("alpha", 3, "result", "For seed 0 the best test accuracy, 97.98 %, was reached at epoch 6.", True),
    ("alpha", 3, "result", "For seed 0 the best test accuracy, 97.98 %, was reached at epoch 5.", False),
    ("gamma", 2, "result", "- p = 8,000 (<8k ✗)", True),  # the budget's rule, not met
    ("gamma", 2, "result", "- p = 8,000 (<8k ✓)", False),
    ("beta", 3, "result", "p = 9,574 (>8k ✗)", True),  # over it, the mark its failing
    ("gamma", 2, "result", "- Δ vs M1 (best): +1.98 pp (96.14 → 98.12)", True),
    ("gamma", 2, "result", "- Δ vs M1 (best): +1.88 pp (96.14 → 98.12)", False),
    ("gamma", 2, "analysis", "total err 386 → 308 (-20 %)", True),  # a count's move as a share
    ("gamma", 2, "analysis", "total err 386 → 308 (-25 %)", False),
    ("gamma", 2, "analysis", "7 of 10 digits ↓ errors vs M1", True),
    ("gamma", 2, "analysis", "6 of 10 digits ↓ errors vs M1", False),
    ("alpha", 3, "result", "None of the three seeds satisfied the accuracy criterion.", True),
    ("alpha", 3, "result", "Two of the three seeds satisfied the accuracy criterion.", False),
    ("gamma", 1, "result", "Digit 9 was the least accurately classified digit, at 88.11 %.", True),
    ("gamma", 1, "result", "Digit 5 was the least accurately classified digit, at 92.94 %.", False),
    ("alpha", 1, "result", "Test accuracy exceeded training accuracy in every one of the eight epochs.", False),
    ("alpha", 3, "analysis", "In epoch 5, test accuracy exceeded training accuracy (97.93 vs 97.70 %), as is commonly observed "
                             "when dropout is active only during training.", True),
    ("gamma", 1, "analysis", "gap (mean of last 3) ≈ -0.07 → zero overfitting, if anything underfit", True),
    ("gamma", 3, "result", "Dropout at a rate of 0.1 was inserted after the first three convolutions.", False),  # 0.05
    ("alpha", 3, "analysis", "A further experiment with p = 0.05 is proposed, to establish whether weaker regularisation "
                             "recovers the lost accuracy.", "plan"),
    # the twenty-second class's readings: uncertainty beside figures, pasted CSV and key=value fragments
    ("example", 1, "result", "Final test accuracy 98.81 % ± 0.22 (two standard errors on 10,000 images).", "partly"),
    ("example", 1, "result", "Final test accuracy 98.81 % ± 0.32 (two standard errors on 10,000 images).", False),
    ("alpha", 1, "result", "Final test accuracy 86.29 % ± 0.69 (two standard errors), still 13 pt short of the 99.4 % line.",
     True),
    ("alpha", 1, "result", "Final test accuracy 86.29 % ± 0.59 (two standard errors), still 13 pt short of the 99.4 % line.",
     False),
    ("alpha", 2, "analysis", "errors{3: 23, 7: 21, 9: 21} -> 3 is worst", True),
    ("alpha", 2, "analysis", "errors{3: 23, 7: 21, 9: 21} -> 7 is worst", False),
    ("example", 1, "result", "- `epoch,train,test -> 15,98.78,98.81`", True),
    ("example", 1, "result", "- `epoch,train,test -> 15,98.78,98.61`", False),  # 98.61: epochs 13 and 14
    ("example", 2, "result", "lr@ep5=0.0999 (peak) lr@ep15=0.0020 -> one-cycle annealed to almost nothing", True),
    ("example", 2, "result", "lr@ep5=0.0914 (peak)", False),
    ("gamma", 3, "result", "dropout_p=0.05 aug_deg=8 params=8,000 -> budget FAIL", True),
    ("gamma", 3, "result", "dropout_p=0.1 aug_deg=8 params=8,000 -> budget FAIL", False),
    ("example", 3, "result", "`mean(final)=99.545 mean(min_last3)=99.508`", True),
    ("example", 3, "result", "`mean(final)=99.545 mean(min_last3)=99.518`", False),
    ("beta", 3, "result", "Seeds passing the budget: 0 of 3 (verdict FAIL).", True),
    ("beta", 3, "result", "Seeds passing the budget: 1 of 3 (verdict FAIL).", False),
    ("beta", 2, "analysis", "Over the five epochs test accuracy ranged between 76.92 and 97.33 %.", True),
    ("beta", 2, "analysis", "Over the five epochs test accuracy ranged between 82.89 and 97.33 %.", False),
    ("beta", 3, "result", "The worst of the 3 seeds by the budget rule is seed 1, which dipped to 83.37 % at epoch 3 before "
                          "finishing at 97.15 %.", True),
    ("gamma", 3, "result", "The worst of the 3 seeds by the budget rule is seed 1, at 96.72 %.", False),  # seed 0's 92.36
    ("beta", 3, "analysis", "Seed 0 finished 3.85 pt below Model_2 (93.48 vs 97.33 %), which is significant; seed 1 finished "
                            "only 0.18 pt below it (97.15 %), within the noise of a 10k test set.", "partly"),  # each its noise
    ("example", 2, "analysis", "`test_acc >= 99.2 for ep 7-15` -> a flat top, the question is only the last 0.05", "partly"),
    # the twentieth session's readings (dev.jsonl's register again, dev64, dev65, the twenty-third class)
    ("alpha", 3, "analysis", "epoch | seed 0 | seed 1 | seed 2: 2 | 91.95 | 96.03 | 93.15", True),  # a seeds' table by epoch
    ("alpha", 3, "analysis", "epoch | seed 0 | seed 1 | seed 2: 2 | 91.95 | 96.03 | 93.16", False),
    ("alpha", 2, "result", "Test Accuracy after the 1st epoch: 75.41 (Model 1: 11.35)", True),
    ("alpha", 2, "result", "Test Accuracy after the 1st epoch: 75.41 (Model 1: 11.53)", False),
    ("alpha", 3, "analysis", "The three finals spread over 0.58 pt (97.75 to 98.33 %), and their mean of 98.02 % is 1.38 pt "
                             "short of 99.4 %.", True),
    ("alpha", 3, "analysis", "The three finals spread over 0.68 pt (97.75 to 98.33 %).", False),
    ("beta", 3, "analysis", "The gap between train and test shrank by about 0.3 points compared with step 2.", True),
    ("alpha", 3, "analysis", "The train-test gap shrank by about half a point over step 2, to 0.24 points on average over "
                             "the last 3 epochs.", False),  # 0.14
    ("alpha", 2, "analysis", "The rate was still 0.05 at epoch 4 and 0.005 from epoch 5, so epoch 5 is the first on the lower "
                             "rate.", True),
    ("alpha", 2, "analysis", "The rate was still 0.05 at epoch 4 and 0.005 from epoch 5, so epoch 4 is the first on the lower "
                             "rate.", False),
    ("example", 1, "analysis", "Test accuracy did not drop below 98 % after epoch 7.", True),
    ("example", 1, "analysis", "Test accuracy did not drop below 98 % after epoch 6.", False),  # epoch 7: 97.96
    ("example", 2, "analysis", "Not once after epoch 4 did test fall below 99 %.", True),
    ("example", 2, "analysis", "Not once after epoch 5 did the test accuracy fall below 99.2 %.", False),  # epoch 6: 99.10
    ("gamma", 3, "analysis", "No seed dropped below 92 % after epoch 1.", True),
    ("gamma", 3, "analysis", "No seed dropped below 94 % after epoch 1.", False),
    ("alpha", 2, "analysis", "After the cut, test stayed above 98 % - admittedly for only two epochs.", True),
    ("alpha", 2, "analysis", "After the cut, test stayed above 98.45 % - admittedly for only two epochs.", False),
    ("example", 2, "result", "Min of the last 3: 99.35 %, a FAIL, since epoch 13 is below 99.4 %.", True),
    ("example", 2, "result", "Min of the last 3: 99.35 %, a FAIL, since epoch 14 is below 99.4 %.", False),
    ("beta", 2, "analysis", "Test loss ends at 0.087, above the 0.071 that Step 1 finished on.", True),
    ("beta", 2, "analysis", "Test loss ends at 0.087, above the 0.081 that Step 1 finished on.", False),
    ("example", 2, "analysis", "Unlike step 1, where test was still above train at epoch 15, here train is ahead of test in "
                               "every epoch from epoch 8 on.", True),
    ("example", 2, "analysis", "Unlike step 1, where test was still above train at epoch 14, here train is ahead of test in "
                               "every epoch from epoch 8 on.", False),
    ("beta", 2, "analysis", "It crossed 95 % only at the 4th epoch, one epoch later than Model_1, which already had 95.75 % "
                            "at epoch 3, and it never reached Model_1's best of 98.00 %.", True),
    ("beta", 2, "analysis", "It crossed 95 % only at the 4th epoch, one epoch later than Model_1, which already had 95.94 % "
                            "at epoch 3, and it never reached Model_1's best of 98.00 %.", False),
    ("gamma", 2, "analysis", "The step switched from Adam at 0.002 to SGD at 0.05 with momentum 0.9.", True),
    ("gamma", 2, "analysis", "The step switched from Adam at 0.003 to SGD at 0.05 with momentum 0.9.", False),
    ("beta", 3, "analysis", "All three seeds finished above 93 %, but only 2 of the 3 ended above 95 %, because seed 0 fell "
                            "back to 93.48 % in its last epoch.", True),
    ("beta", 3, "analysis", "All three seeds finished above 93 %, but only 1 of the 3 ended above 95 %, because seed 0 fell "
                            "back to 93.48 % in its last epoch.", False),
    ("example", 3, "analysis", "Seeds 0 and 2 have the highest minimum over the last 3 epochs, 99.54%.", True),
    ("example", 3, "analysis", "Seeds 0 and 3 have the highest minimum over the last 3 epochs, 99.54%.", False),
    ("alpha", 2, "analysis", "The rate stayed at 0.005 in epochs 5 and 6, after 4 epochs at 0.05.", True),
    ("alpha", 2, "analysis", "The rate stayed at 0.005 in epochs 4 and 5, after 3 epochs at 0.05.", False),
    ("gamma", 1, "analysis", "8 has the next most errors (68), although 5 has the lower accuracy (92.9 % against 93.0 %).",
     True),
    ("gamma", 1, "analysis", "8 has the next most errors (68), although 5 has the lower accuracy (92.8 % against 93.0 %).",
     False),
    ("gamma", 3, "analysis", "At 96 %, two seeds of three held it in all of their last three epochs (seeds 1 and 2).", True),
    ("gamma", 3, "analysis", "At 97 %, two seeds of three held it in all of their last three epochs (seeds 1 and 2).", False),
    ("example", 1, "analysis", 'Test climbs every epoch from ep 7 to 12 (97.96 → 98.64), dips to 98.61 at ep 13 and stays there '
     'at ep 14.', True),
    ("example", 1, "analysis", 'Test climbs every epoch from ep 7 to 15.', False),
    ("example", 3, "analysis", 'At ep 6 only seeds 1 and 5 are below 99.4 (99.23 and 99.36), the other 4 seeds are ≥ '
     '99.41.', True),
    ("example", 3, "analysis", 'At ep 6 only seeds 1 and 5 are below 99.4 (99.23 and 99.36), the other 3 seeds are ≥ '
     '99.41.', False),
    ("alpha", 2, "analysis", 'ep 1: 73.05 train / 75.41 test, ep 2: 95.08 / 95.34, so test is slightly ahead in the first 2 '
     'epochs.', True),
    ("alpha", 2, "analysis", 'ep 1: 73.05 train / 75.41 test, ep 2: 95.34 / 95.08.', False),
    ("gamma", 2, "analysis", 'params 14,410 → 8,000', _PARTLY),
    ("gamma", 2, "analysis", 'params 14,410 → 8,100', False),
    ("gamma", 2, "analysis", 'Best 98.12 vs 96.14 in Model_1, with 8,000 vs 14,410 params.', _PARTLY),
    ("gamma", 2, "analysis", 'Best 98.12 vs 96.14 in Model_1, with 8,100 vs 14,410 params.', False),
    ("beta", 2, "analysis", "Train only 96.75 at the end, ~1.6 below Model_1's 98.33.", True),
    ("beta", 2, "analysis", "Train only 96.75 at the end, ~2.6 below Model_1's 98.33.", False),
    ("example", 3, "result", 'The median final across the 6 seeds is 99.545 %.', True),
    ("example", 3, "result", 'The median final across the 6 seeds is 99.53 %.', False),
    ("alpha", 3, "analysis", 'The gap narrowed by 0.54 pt.', True),
    ("alpha", 3, "analysis", 'The gap narrowed by 0.9 pt.', None),
    ("alpha", 3, "result", 'ep=5 train=97.70 test=97.93 lr=0.005 -> test above train right after the cut', True),
    ("alpha", 3, "result", 'test below train right after the cut', False),
    ("alpha", 3, "result", '2 of the 3 seeds kept every one of their last three scores above 97 %; seed 0 dipped to 95.90 % at '
     'epoch 4.', True),
    ("alpha", 3, "result", '2 of the 3 seeds kept every one of their last three scores above 97 %; seed 0 dipped to 95.80 % at '
     'epoch 4.', False),
    ("gamma", 3, "result", 'test_loss ep2=0.2470 -> ep5=0.0834, falling every epoch', True),
    ("gamma", 3, "result", 'test_loss ep1=0.1840 -> ep5=0.0834, falling every epoch', False),
    ("gamma", 1, "analysis", 'the losses at the end (0.13 on test, 0.11 on train) say it had not finished learning.', True),
    ("gamma", 1, "analysis", 'the losses at the end (0.11 on test, 0.13 on train) say it had not finished learning.', False),
    ("alpha", 1, "analysis", 'The version without BN is under-fitting.', True),
    ("alpha", 1, "analysis", 'The version without BN is over-fitting.', False),
    ("beta", 2, "analysis", 'Test was above train in the first epoch (82.89 % vs 52.84 %) and again in the last two (96.91 % '
     'and 97.33 %).', True),
    ("beta", 2, "analysis", 'Test was above train in the first epoch (82.89 % vs 52.84 %) and again in the last two (95.74 % '
     'and 96.75 %).', False),
    ("gamma", 3, "analysis", 'So the gap got smaller with dropout and rotation.', False),
    ("example", 3, "analysis", 'Train jumps from 98.68 % to 99.48 % once augmentation stops for the last 3 epochs.', True),
    ("example", 3, "analysis", 'Train jumps from 98.68 % to 99.58 % once augmentation stops for the last 3 epochs.', False),
    ("example", 3, "analysis", 'The LR followed a one-cycle with 0.002 at the end, and the test loss went down to 0.0146.', True),
    ("example", 3, "analysis", 'The LR followed a one-cycle with 0.002 at the end, and the test loss went down to '
     '0.0136.', False),
    ("beta", 2, "analysis", 'The 0s got much worse with augmentation: 96.02 % against 98.47 % in step 1.', True),
    ("beta", 2, "analysis", 'The 0s got much worse with augmentation: 95.02 % against 98.47 % in step 1.', False),
    ("beta", 2, "analysis", 'Digit 0 got much worse: 15 errors to 39.', True),
    ("beta", 2, "analysis", 'Digit 0 got much worse: 15 errors to 38.', False),
    ("gamma", 2, "analysis", 'After the peak at epoch 3 test accuracy slid down in the back half: 97.05 %, then 96.92 %', True),
    ("gamma", 2, "analysis", 'After the peak at epoch 3 test accuracy slid down in the back half: 97.05 %, then 96.82 %', False),
    ("gamma", 1, "analysis", 'Test is above train for the first 2 epochs, and train pulls ahead in the last one', True),
    ("gamma", 1, "analysis", 'Test is above train for the first 2 epochs, and test pulls ahead in the last one', False),
    ("example", 1, "analysis", 'The first epoch only gave 58.89 % while train was at 20.1 %, and it took until epoch 8 to pass '
     '98 %.', True),
    ("example", 1, "analysis", 'The first epoch only gave 58.89 % while train was at 20.1 %, and it took until epoch 7 to pass '
     '98 %.', False),
    ("beta", 1, "analysis", 'The test loss fell from 0.37 after epoch 1 to 0.071 at epoch 5, with the accuracy rising in every '
     'epoch.', True),
    ("beta", 1, "analysis", 'The test loss fell from 0.37 after epoch 1 to 0.071 at epoch 5, with the accuracy falling in every '
     'epoch.', False),
    ("beta", 3, "analysis", "If seed 1 is taken instead, the final accuracy is only 0.18 points below step 2's.", True),
    ("beta", 3, "analysis", "If seed 1 is taken instead, the final accuracy is only 0.28 points below step 2's.", False),
    ("gamma", 1, "analysis", 'Digit 9 is the worst class at ~88.1%, followed (at a distance) by 5 at 92.9%.', True),
    ("gamma", 1, "analysis", 'Digit 9 is the worst class at ~88.1%, followed (at a distance) by 8 at 92.9%.', False),
    ("beta", 3, "analysis", "Not one seed holds step 1's min of the last 3 (95.75%): the best of them, seed 0, has "
     '93.48%.', True),
    ("beta", 3, "analysis", "Not one seed holds step 1's min of the last 3 (95.75%): the best of them, seed 0, has "
     '93.58%.', False),
    ("beta", 3, "analysis", "After the first epoch seed 1 was ahead with 82.20%, almost 10 points above seed 0's 73.17%.", True),
    ("beta", 3, "analysis", "After the first epoch seed 1 was ahead with 82.20%, almost 10 points above seed 0's 72.17%.", False),
    ("beta", 3, "analysis", 'Seed 0 has the highest min of the last 3 (93.48%), which is also its final, after peaking at '
     '96.47% in epoch 3.', True),
    ("beta", 3, "analysis", 'Seed 0 has the highest min of the last 3 (93.48%), which is also its final, after peaking at '
     '96.57% in epoch 3.', False),
    ("beta", 1, "analysis", 'Averaged over the final 3 epochs the train-test gap is ~0.8 (98.33 vs 98.00 in the last '
     'one).', True),
    ("beta", 1, "analysis", 'Averaged over the final 3 epochs the train-test gap is ~1.8 (98.33 vs 98.00 in the last '
     'one).', False),
    ("beta", 1, "analysis", r'Train was above test in every epoch from 2 to 5, and $\text{train} - \text{test} = 2.52$ at epoch '
     '2.', True),
    ("beta", 1, "analysis", r'Train was above test in every epoch from 2 to 5, and $\text{train} - \text{test} = 2.62$ at epoch '
     '2.', False),
    ("beta", 3, "analysis", r'Width did not help: $\Delta_{final} = 93.48 - 97.33 = -3.85$ pp against Model_2 (seed 0).', True),
    ("beta", 3, "analysis", r'Width did not help: $\Delta_{final} = 93.48 - 97.33 = -3.58$ pp against Model_2 (seed 0).', False),
    ("beta", 3, "analysis", 'The seeds disagree: the finals span $97.15 - 93.48 = 3.67$ pp.', True),
    ("beta", 3, "analysis", 'The seeds disagree: the finals span $97.15 - 93.48 = 3.76$ pp.', False),
    ("beta", 1, "analysis", r'Most of the gain came at the end: $\Delta = 98.00 - 95.94 = +2.06$ pp at epoch 5.', _PARTLY),
    ("beta", 1, "analysis", r'Most of the gain came at the end: $\Delta = 98.00 - 95.94 = +2.16$ pp at epoch 5.', False),
    ("beta", 2, "analysis", r'Two digits improved on Model_1: 5 ($23 \to 15$ errors) and 6 ($25 \to 24$); digit 1 stayed at 10 '
     'errors.', True),
    ("beta", 2, "analysis", r'Two digits improved on Model_1: 5 ($23 \to 15$ errors) and 6 ($25 \to 23$); digit 1 stayed at 10 '
     'errors.', False),
    ("beta", 2, "analysis", r'Test fell at epoch 2 ($82.89 \to 76.92$) while the test loss rose ($0.5683 \to 0.7914$).', True),
    ("beta", 2, "analysis", r'Test fell at epoch 2 ($82.89 \to 76.92$) while the test loss fell ($0.5683 \to 0.7914$).', False),
    ("example", 1, "analysis", 'Train never passed 98.78 %.', True),
    ("example", 1, "analysis", 'Train never passed 98.70 %.', False),
    ("example", 1, "analysis", '7 and 8 are the weak digits: both have 19 errors (98.15 % and 98.05 %), against 3 for digit '
     '0.', True),
    ("example", 1, "analysis", '7 and 8 are the weak digits: both have 19 errors (98.15 % and 98.05 %), against 4 for digit '
     '0.', False),
    ("example", 1, "analysis", 'Epochs 8 to 15 added only 0.67 points (98.14 → 98.81).', _PARTLY),
    ("example", 1, "analysis", 'Epochs 8 to 15 added only 0.76 points (98.14 → 98.81).', False),
    ("example", 3, "analysis", 'On seed 0 the min of the last 3 went up from 99.35 to 99.54 % (+0.19) against Model_2.', True),
    ("example", 3, "analysis", 'On seed 0 the min of the last 3 went down from 99.35 to 99.54 % (+0.19) against Model_2.', False),
    ("example", 3, "result", "| Seed | 0 | 1 | 2 |\n|---|---|---|---|\n| Final | 99.55 | 99.51 | 99.56 |\n"
     "| Min of last 3 | 99.54 | 99.43 | 99.54 |", True),  # the seeds in columns
    ("example", 3, "result", "| Seed | 0 | 1 | 2 |\n|---|---|---|---|\n| Final | 99.55 | 99.51 | 99.56 |\n"
     "| Min of last 3 | 99.54 | 99.53 | 99.54 |", False),  # the seeds in columns
    ("beta", 2, "analysis", "Test dips to 76.92 at ep 2 (from 82.89) while train goes 52.84 → 90.99.", True),
    ("beta", 2, "analysis", "Test dips to 76.92 at ep 2 (from 83.89) while train goes 52.84 → 90.99.", False),  # epoch 1: 82.89
    ("example", 3, "analysis", "Only seed 1 failed to hold 99.5% over the last 3 epochs (99.43, 99.49 and 99.51); the other "
     "five did.", True),
    ("example", 3, "analysis", "Only seed 1 failed to hold 99.5% over the last 3 epochs (99.43, 99.48 and 99.51); the other "
     "five did.", False),  # epoch 14: 99.49
    ("gamma", 3, "analysis", "On seed 0 test stayed below train from epoch 2 to the end, by 0.32 pt at the last epoch "
     "(97.83 vs 97.51 %).", True),  # the pair train first: the lower is test's
    ("gamma", 3, "analysis", "On seed 0 test stayed below train from epoch 2 to the end, by 0.32 pt at the last epoch "
     "(97.93 vs 97.51 %).", False),  # train: 97.83
    ("beta", 1, "analysis", "Train loss is 1.37 in ep 1 against a test loss of only 0.37, and by ep 2 they are much closer "
     "(0.23 vs 0.26).", True),
    ("beta", 1, "analysis", "Train loss is 1.37 in ep 1 against a test loss of only 0.37, and by ep 2 they are much closer "
     "(0.26 vs 0.23).", False),  # train 0.2317, test 0.2576
    ("alpha", 1, "analysis", "Model starts learning only from 5th epoch, test jumps 7.16 → 38.49", True),
    ("alpha", 1, "analysis", "Model starts learning only from 5th epoch, test jumps 7.16 → 39.49", False),
    ("example", 1, "analysis", "From epoch 1 to epoch 2 the errors drop by 85%: 4111 to 611.", True),
    ("example", 1, "analysis", "From epoch 1 to epoch 2 the errors drop by 80%: 4111 to 611.", False),  # 85.1 %
    ("example", 1, "analysis", "From epoch 1 to epoch 2 the errors drop by 85%: 4111 to 711.", False),
    ("example", 1, "analysis", "The errors fell from 4111 at epoch 1 to 611 at epoch 3.", False),  # epoch 3: 409
    ("beta", 3, "analysis", "Only two of the three seeds ever reached 96%, seed 0 at epoch 3 and seed 1 at epoch 4; seed 2 "
     "stopped at 95.37%.", True),
    ("beta", 3, "analysis", "Only two of the three seeds ever reached 96%, seed 0 at epoch 3 and seed 1 at epoch 3; seed 2 "
     "stopped at 95.37%.", False),  # seed 1: epoch 4
    ("alpha", 3, "analysis", "The test loss at the end went up from 0.050 in step 2 to 0.068, though it is still far below "
     "step 1's 0.41.", True),
    ("alpha", 3, "analysis", "The test loss at the end went up from 0.050 in step 2 to 0.068, though it is still far below "
     "step 1's 0.51.", False),  # step 1's final test loss: 0.4092
    ("gamma", 3, "analysis", "Seeds 1 and 2 both held 96.7% over the last 3 epochs, as did step 2, whose min of the last 3 was "
     "96.92%.", True),
    ("gamma", 3, "analysis", "Seeds 1 and 2 both held 96.7% over the last 3 epochs, as did step 2, whose min of the last 3 was "
     "96.82%.", False),
    ("beta", 3, "analysis", "On the min of the last 3, seed 0 (93.48%) is 1.5 points above step 2's 91.98%, but 2.27 below "
     "step 1's 95.75%.", True),
    ("beta", 3, "analysis", "On the min of the last 3, seed 0 (93.48%) is 1.5 points above step 2's 91.98%, but 2.27 below "
     "step 1's 96.75%.", False),  # step 1's min of the last 3: 95.75
    ("gamma", 3, "analysis", "Seed 0's min of the last 3 epochs is 92.36%, which is 4.56 points below the 96.92% of Model_2, so "
     "on this seed the consistency got a lot worse.", True),
    ("gamma", 3, "analysis", "On seed 0 the consistency got a lot better than in step 2.", False),  # min of the last 3 fell
    ("alpha", 3, "analysis", "For all 3 seeds the lowest of the last 3 epochs is at ep 4 (95.90%, 97.13%, 97.19%), right "
     "before the LR cut.", "partly"),  # each its seed's; the cut's epoch not read
    ("alpha", 3, "analysis", "For all 3 seeds the lowest of the last 3 epochs is at ep 4 (95.90%, 97.13%, 97.29%), right "
     "before the LR cut.", False),  # seed 2: 97.19
    ("example", 3, "analysis", "After the first epoch only seed 0 was already above 99% (99.07%); the other five started "
     "between 98.73% and 98.95%.", True),
    ("example", 3, "analysis", "After the first epoch only seed 0 was already above 99% (99.07%); the other five started "
     "between 98.73% and 98.85%.", False),  # seed 4: 98.95
    ("example", 3, "analysis", "The mean final is 99.545 % ± 0.03.", True),  # the seeds' spread, not a test score's noise
    ("example", 3, "analysis", "The mean final is 99.545 % ± 0.3.", False),  # their sd: 0.03
    ("beta", 2, "analysis", "Test was above train in the first epoch, fell behind it in epochs 2 and 3, and was above it again "
     "in epochs 4 and 5, ending 0.58 points ahead of train.", "partly"),  # the gap at the end not read
    ("beta", 2, "analysis", "Test was above train in the first epoch, fell behind it in epochs 2 and 4, and was above it again "
     "in epochs 4 and 5, ending 0.58 points ahead of train.", False),  # test above train at epoch 4
    ("gamma", 1, "analysis", "Eights have more errors than fives, 68 against 63, yet a higher accuracy: 93.02% against 92.94%.",
     "partly"),  # the two counts not read
    ("gamma", 1, "analysis", "Eights have more errors than fives, 68 against 63, yet a higher accuracy: 93.12% against 92.94%.",
     False),  # digit 8: 93.02
    ("gamma", 2, "analysis", "Digit 8's recall of 85.22 % is far below every other class; the next worst, 9, is at 94.75 %.",
     True),
    ("gamma", 2, "analysis", "Digit 8's recall of 85.22 % is far below every other class; the next worst, 9, is at 94.85 %.",
     False),  # digit 9: 94.75
    ("alpha", 1, "result", "Train set: Average loss: 2.2870, Accuracy: 806/6000 (13.43%)", True),  # train's, not test's
    ("alpha", 1, "result", "Train set: Average loss: 2.2870, Accuracy: 806/6000 (13.53%)", False),
    ("alpha", 1, "result", "Test set: Average loss: 0.6081, Accuracy: 8171/10000 (81.71%)", True),
    ("alpha", 1, "result", "Test set: Average loss: 0.6081, Accuracy: 8117/10000 (81.71%)", False),  # the count says 81.17
    ("gamma", 1, "analysis", "digit 9 worst: 120 errs (88.11 %), 76 of them → 4", True),
    ("gamma", 1, "analysis", "digit 9 worst: 120 errs (88.11 %), 76 of them → 7", False),  # 9 read as 7: 14
    ("gamma", 3, "analysis", "s1 and s2 up every ep, s0 dipped at ep2", True),  # the seed named beside the dip
    ("gamma", 3, "analysis", "s0 and s2 up every ep, s1 dipped at ep2", False),  # seed 1 rose at epoch 2
    ("alpha", 2, "analysis", "Epoch 6 then added only 0.09 points, so the smaller rate has more or less settled", "partly"),
    ("alpha", 2, "analysis", "Epoch 6 then added only 0.19 points, so the smaller rate has more or less settled", False),
    ("gamma", 1, "analysis", "test loss flat at the end: 0.1286 (ep3) → 0.1279 (ep4)", True),  # between the epochs named
    ("gamma", 1, "analysis", "test loss flat at the end: 0.1951 (ep2) → 0.1286 (ep3)", False),  # a third lower
    ("alpha", 2, "analysis", "At the end the errors fell from 1,371 to 151, roughly 89 % fewer", True),
    ("alpha", 2, "analysis", "At the end the errors fell from 1,371 to 151, roughly 79 % fewer", False),  # 89.0 % fewer
    ("alpha", 2, "analysis", "The StepLR cut after epoch 4 did most of the late work: 96.51% → 98.40%, which more than halved "
     "the errors (349 → 160)", "partly"),  # the ratio of the counts in its brackets; the counts themselves not read
    ("alpha", 2, "analysis", "The StepLR cut after epoch 4 did most of the late work: 96.51% → 98.40%, which more than halved "
     "the errors (349 → 260)", False),  # 1.34 times fewer
]


@pytest.mark.parametrize(("handin", "step", "section", "sentence", "verdict"), CORPUS_SAID)
def test_a_sentence_of_a_corpus_hand_in_is_judged_as_said(handin, step, section, sentence, verdict):
    validity = _validity()
    row = {"handin": handin, "step": step, "section": section, "sentence": sentence}
    assert validity.verdict_of(row, _steps(handin)) == verdict


_STEPS: dict = {}


def _steps(handin: str) -> dict:
    if handin not in _STEPS:
        _STEPS[handin] = _validity().steps_of(CORPUS / "handins" / handin)
    return _STEPS[handin]


def test_a_move_over_a_span_names_the_curve_it_was_read_on():
    """"Train accuracy rose in the last 3 epochs, from 96.24 % to 98.03 %": false (98.33 at the end), and the line that
    says so names train's figures as train's, not as test accuracy."""
    from tinydigits.results.steps.claims import judge
    steps = _steps("beta")
    judged = judge("Train accuracy rose in the last 3 epochs, from 96.24% to 98.03%.", steps[1], None, 1, "analysis", {})
    wrong = [a for j in judged for a in j.atoms if a.verdict is False]
    assert wrong and all(a.evidence.startswith("train accuracy at epoch 3: 96.24 %") for a in wrong), \
        [a.evidence for a in wrong]


def test_a_run_of_figures_that_would_pass_the_last_epoch_is_read_without_a_crash():
    # three seeds' figures after "at epoch 5" of a 6-epoch run: read as epochs 5-7 of one curve, they would run past
    # its end; the sentence is judged (a mark for its threshold, its rate cut, its figures), not a traceback
    row = {"handin": "alpha", "step": 3, "section": "analysis",
           "sentence": "At epoch 5, right after the rate cut, each of the three seeds jumped above 97.7% (97.98, 98.25 and "
                       "97.73)."}
    assert _validity().verdict_of(row, _steps("alpha")) is not None


def test_a_figure_after_final_or_last_is_accounted_for():
    # "final 99.40" states a figure ("the last 3" names a span): a figure no atom reads leaves the sentence partly checked
    row = {"handin": "example", "step": 2, "section": "result", "sentence": "Best test: 99.42 (epoch 14), final 99.40"}
    assert _validity().verdict_of(row, _steps("example")) == _validity().PARTLY


def test_a_functional_pool_is_read_from_the_step_s_own_model_class():
    # the corpus's models live in one file: Gamma_2's forward pools with adaptive_avg_pool2d, Gamma_1's has a Linear head
    from tinydigits.results.steps.claims import _has
    steps = _steps("gamma")
    assert [_has(steps[n], "GAP") for n in (1, 2, 3)] == [False, True, True]  # Gamma_3 derives from Gamma_2


def test_a_loss_figure_s_evidence_is_the_loss_it_was_read_as():
    """A loss read against every epoch's: its line shows the loss it is and that loss's epoch, never another figure
    (the curve's lowest was shown beside a figure it is not); a figure none of them is shows the span it was read in."""
    from tinydigits.results.steps.claims import judge

    steps = _steps("beta")
    said = "Train loss is 1.37 in ep 1 against a test loss of only 0.37, and by ep 2 they are much closer ({} vs {})."
    right = [a.evidence for j in judge(said.format("0.23", "0.26"), steps[1], None, 1, "analysis", {}) for a in j.atoms]
    assert "train loss: 0.2317 at epoch 2 (metrics.json)" in right and "test loss: 0.2576 at epoch 2 (metrics.json)" in right
    wrong = [a for j in judge(said.format("0.26", "0.23"), steps[1], None, 1, "analysis", {}) for a in j.atoms
             if a.verdict is False]
    assert [a.evidence for a in wrong] == ["train loss: 0.0653 to 1.3694, none of them 0.26 (metrics.json)",
                                           "test loss: 0.0714 to 0.3747, none of them 0.23 (metrics.json)"]
