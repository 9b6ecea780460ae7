"""The OpenCV-python side of bench/cli.bench.ts, the loop issue 13 compares `augkit augment` with: per JPEG,
cv2.imread, cv2.resize to 400x400 (INTER_LINEAR), cv2.imwrite of that original as PNG, then 4 variants of
flip p=0.5, rotation U[-20, 20] degrees (cv2.warpAffine, INTER_LINEAR, black corners) and 3 % salt-and-pepper
(half white, half black, whole pixels), each cv2.imwrite PNG at level 1 (OpenCV's default). One thread
(cv2.setNumThreads(1)), like one augkit worker. Processes every `count`-th file from `index` of the sorted
list, so N processes split the folder. Prints one JSON line: {"images", "seconds"} (files written, loop time).
Usage: /usr/bin/python3 bench/opencv_augment.py <input> <output> [index count]"""
import json
import os
import sys
import time

import cv2
import numpy as np

cv2.setNumThreads(1)
source, target = sys.argv[1], sys.argv[2]
index, count = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (0, 1)
files = sorted(
    os.path.join(folder, name)
    for folder, _, names in os.walk(source)
    for name in names
    if name.lower().endswith(".jpg")
)[index::count]
random = np.random.default_rng(index)
png = [cv2.IMWRITE_PNG_COMPRESSION, 1]
os.makedirs(target, exist_ok=True)
start = time.perf_counter()
written = 0
for path in files:
    stem = os.path.join(target, os.path.splitext(os.path.basename(path))[0])
    image = cv2.resize(cv2.imread(path), (400, 400), interpolation=cv2.INTER_LINEAR)
    cv2.imwrite(stem + ".png", image, png)
    written += 1
    for variant in range(1, 5):
        out = cv2.flip(image, 1) if random.random() < 0.5 else image
        rotation = cv2.getRotationMatrix2D((199.5, 199.5), random.uniform(-20, 20), 1.0)
        out = cv2.warpAffine(out, rotation, (400, 400), flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
        hit = random.random((400, 400))
        out[hit < 0.015] = 0
        out[hit > 1 - 0.015] = 255
        cv2.imwrite(f"{stem}_v{variant}.png", out, png)
        written += 1
print(json.dumps({"images": written, "seconds": time.perf_counter() - start}), flush=True)
