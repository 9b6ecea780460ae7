"""The torchvision side of bench/flow.bench.ts: ImageFolder + PIL decode + Resize((224, 224)) (PIL's
antialiased bilinear) + RandomHorizontalFlip + RandomRotation(20) with bilinear interpolation (augkit's
randomRotation samples bilinearly; torchvision's default, nearest, would be less work) + ToTensor through a
DataLoader (batch 32, shuffled, persistent_workers=True), the same work as augkit's flowFromDirectory with a
flip + rotation recipe. Runs <epochs> epochs on the same workers and prints one JSON line per epoch:
{"workers", "epoch", "images", "seconds", "imagesPerSecond", "cpuSeconds"} (the first epoch includes worker
start-up; cpuSeconds: this process and its worker processes, read from /proc while they run).
Usage: python3 bench/torchvision_loader.py <folder> <workers> <epochs>"""
import json
import os
import resource
import sys
import time

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
from torchvision.transforms import InterpolationMode

torch.set_num_threads(1)
folder, workers, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
transform = transforms.Compose([
    transforms.Resize((224, 224), antialias=True),
    transforms.RandomHorizontalFlip(0.5),
    transforms.RandomRotation(20, interpolation=InterpolationMode.BILINEAR),
    transforms.ToTensor(),
])
dataset = datasets.ImageFolder(folder, transform=transform)
loader = DataLoader(dataset, batch_size=32, shuffle=True, num_workers=workers, prefetch_factor=2, persistent_workers=True)
TICKS = os.sysconf('SC_CLK_TCK')


def cpu_seconds():
    """User + system CPU time of this process and of the loader's worker processes (alive: persistent)."""
    self = resource.getrusage(resource.RUSAGE_SELF)
    total = self.ru_utime + self.ru_stime
    for process in getattr(loader._iterator, '_workers', []):
        with open(f'/proc/{process.pid}/stat') as stat:
            # utime and stime, fields 14 and 15, after the command name in parentheses
            fields = stat.read().rsplit(')', 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


for epoch in range(1, epochs + 1):
    cpu_start = cpu_seconds()
    start = time.perf_counter()
    images = 0
    for xs, ys in loader:
        images += xs.shape[0]
    seconds = time.perf_counter() - start
    print(json.dumps({"workers": workers, "epoch": epoch, "images": images, "seconds": seconds,
                      "imagesPerSecond": images / seconds, "cpuSeconds": cpu_seconds() - cpu_start}), flush=True)
