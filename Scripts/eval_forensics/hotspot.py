"""Reports the forensic branch on the real GIMP splice pair (samples/ela_original.jpg and
samples/ela_modified.jpg, from opencv-doc): the branch and ELA scores, and where each ELA map is
hottest (the cell with the highest value, and the bounding box of the top 1% of cells), against the
pasted Tux, whose box in ela_modified.jpg was read off by eye: x 288-528, y 138-382 (+-5 px).
Usage: hotspot.py REPORTS_JSONL MAPS_DIR
"""
import json
import os
import sys

import numpy as np

TUX = (288, 138, 528, 382)  # x0, y0, x1, y1 in ela_modified.jpg pixels


def inside(x, y, box=TUX):
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def main():
    reports, maps_dir = sys.argv[1:3]
    for line in open(reports):
        r = json.loads(line)
        name = os.path.basename(r["file"]["path"])
        b = next(b for b in r["branches"] if b["id"] == "forensic")
        m = b["measurements"]
        drivers = ", ".join(f"{a} {m[a + '.score']:.2f}" for a in ("ela", "noise", "dq", "ghost", "copy-move", "resampling", "thumbnail") if a + ".score" in m)
        print(f"{name}: branch {b['score']:.2f} ({'flagged' if b['score'] >= 0.5 else 'not flagged'} at 0.5); {drivers}")
        for suffix in ("forensic_ela_2", "forensic_ela"):
            mp = json.load(open(os.path.join(maps_dir, f"{r['file']['sha256'][:12]}-{suffix}.json")))
            a = np.asarray(mp["values"], float).reshape(mp["height"], mp["width"])
            cell = 8  # both ELA maps are per 8 px block
            y, x = np.unravel_index(np.argmax(a), a.shape)
            cx, cy = x * cell + cell // 2, y * cell + cell // 2
            ys, xs = np.nonzero(a >= np.percentile(a, 99))
            top_in = np.mean([inside(xx * cell + 4, yy * cell + 4) for yy, xx in zip(ys, xs)])
            where = f"; {'inside' if inside(cx, cy) else 'outside'} the Tux box, {top_in * 100:.0f}% of the top-1% cells inside it" if name == "ela_modified.jpg" else ""
            print(f"  {mp['label'].split(' (')[0]}: hottest cell at ({cx}, {cy}) px; top 1% of cells within x {xs.min() * cell}-{(xs.max() + 1) * cell}, y {ys.min() * cell}-{(ys.max() + 1) * cell}{where}")


if __name__ == "__main__":
    main()
