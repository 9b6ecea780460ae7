"""The torchvision side of bench/flow.bench.ts: ImageFolder + PIL decode + Resize((224, 224)) (PIL's
antialiased bilinear) + RandomHorizontalFlip + RandomRotation(20) with bilinear interpolation (augkit's
randomRotation samples bilinearly; torchvision's default, nearest, would be less work) + ToTensor through a
DataLoader (batch 32, shuffled), the same work as augkit's flowFromDirectory with a flip + rotation recipe. Prints one JSON line per
num_workers: {"workers", "images", "seconds", "imagesPerSecond", "cpuSeconds"} for one epoch (worker start-up
included; cpuSeconds: this process and its worker processes, which end with the epoch).
Usage: python3 bench/torchvision_loader.py <folder> <workers>..."""
import json
import resource
import sys
import time

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
from torchvision.transforms import InterpolationMode

torch.set_num_threads(1)
folder = sys.argv[1]
transform = transforms.Compose([
    transforms.Resize((224, 224), antialias=True),
    transforms.RandomHorizontalFlip(0.5),
    transforms.RandomRotation(20, interpolation=InterpolationMode.BILINEAR),
    transforms.ToTensor(),
])
dataset = datasets.ImageFolder(folder, transform=transform)


def cpu_seconds():
    """User + system CPU time of this process and of its ended children."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


for workers in (int(w) for w in sys.argv[2:]):
    loader = DataLoader(dataset, batch_size=32, shuffle=True, num_workers=workers, prefetch_factor=2)
    cpu_start = cpu_seconds()
    start = time.perf_counter()
    images = 0
    for xs, ys in loader:
        images += xs.shape[0]
    seconds = time.perf_counter() - start
    del loader  # joins the worker processes, so that their CPU time is counted
    print(json.dumps({"workers": workers, "images": images, "seconds": seconds, "imagesPerSecond": images / seconds,
                      "cpuSeconds": cpu_seconds() - cpu_start}), flush=True)
