"""Scores the forensic branch on the set make_set.py built (Scripts/eval-forensics).

Image level: ROC AUC of each analysis's `<id>.score` measurement and of the branch score, tampered
(splice or copy-move) against the pristine re-saves of the same photos at the same quality, per
quality and over all three; the "all" rows carry a 95% bootstrap interval over photos (resampling
photo identities, so the three qualities of one photo move together). Pixel level: each tampered
image's map is upsampled (nearest) to the image size and thresholded at Otsu's threshold and at
its own top 5%; F1 against the mask, averaged over images (an empty prediction scores 0).
Copy-move maps mark both copies (block matching cannot tell the copy from the original), so they
are also scored against source+target.
Usage: score.py SET_DIR REPORTS_JSONL MAPS_DIR
"""
import json
import os
import sys

import numpy as np
from PIL import Image

ANALYSES = ["ela", "noise", "dq", "ghost", "copy-move", "resampling", "thumbnail"]
# Map file suffix (after the sha prefix) of the map that localises, per analysis.
MAPS = {"ela": "forensic_ela_2", "ela (raw)": "forensic_ela", "noise": "forensic_noise_2",
        "ghost": "forensic_ghost", "copy-move": "forensic_copy-move"}


def auc(pos, neg):
    """Mann-Whitney AUC; ties count half. nan when a side is empty."""
    pos, neg = np.asarray(pos, float), np.asarray(neg, float)
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    gt = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return gt / (len(pos) * len(neg))


def bootstrap_auc(rows, key, kind, reps=1000, seed=1):
    """95% interval of the AUC over photos resampled with replacement."""
    rng = np.random.default_rng(seed)
    photos = sorted({r["photo"] for r in rows})
    by = {p: ([r[key] for r in rows if r["photo"] == p and r["type"] == kind],
              [r[key] for r in rows if r["photo"] == p and r["type"] == "pristine"]) for p in photos}
    vals = []
    for _ in range(reps):
        pick = rng.choice(len(photos), len(photos))
        pos = [v for i in pick for v in by[photos[i]][0]]
        neg = [v for i in pick for v in by[photos[i]][1]]
        vals.append(auc(pos, neg))
    return np.nanpercentile(vals, 2.5), np.nanpercentile(vals, 97.5)


def otsu(v):
    hist, edges = np.histogram(v, bins=256)
    centres = (edges[:-1] + edges[1:]) / 2
    w0 = np.cumsum(hist); w1 = w0[-1] - w0
    m0 = np.cumsum(hist * centres); mt = m0[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mt * w0 / w0[-1] - m0) ** 2 / (w0 * w1)
    between[~np.isfinite(between)] = -1
    return centres[int(np.argmax(between))]


def f1(pred, mask):
    tp = np.logical_and(pred, mask).sum()
    if tp == 0:
        return 0.0
    return 2 * tp / (pred.sum() + mask.sum())


def load_map(maps_dir, sha, suffix, size):
    path = os.path.join(maps_dir, f"{sha[:12]}-{suffix}.json")
    if not os.path.exists(path):
        return None
    m = json.load(open(path))
    a = np.asarray(m["values"], np.float32).reshape(m["height"], m["width"])
    return np.asarray(Image.fromarray(a, mode="F").resize(size, Image.NEAREST))


def predictions(m):
    """Otsu and top-5% masks of a map; nothing is predicted on a constant map."""
    lo, hi = float(m.min()), float(m.max())
    if hi <= lo:
        return np.zeros(m.shape, bool), np.zeros(m.shape, bool)
    top = np.percentile(m, 95)
    return m > otsu(m.ravel()), np.logical_and(m >= top, m > lo)


def main():
    set_dir, reports, maps_dir = sys.argv[1:4]
    manifest = {e["file"]: e for e in json.load(open(os.path.join(set_dir, "manifest.json")))}
    rows = []
    for line in open(reports):
        r = json.loads(line)
        if "file" not in r:
            print("eval-forensics: failed:", r, file=sys.stderr); continue
        rel = os.path.relpath(r["file"]["path"], set_dir)
        e = manifest[rel]
        b = next(b for b in r["branches"] if b["id"] == "forensic")
        row = dict(e, sha=r["file"]["sha256"], branch=b.get("score", float("nan")))
        for a in ANALYSES:
            row[a] = b.get("measurements", {}).get(f"{a}.score", float("nan"))
        rows.append(row)
    qualities = sorted({r["quality"] for r in rows})
    keys = ["branch"] + ANALYSES
    print(f"\nImage-level ROC AUC (tampered vs pristine re-saves at the same quality; n = photos per cell, {len({r['photo'] for r in rows})} photos)\n")
    print("| tamper | quality | " + " | ".join(keys) + " |")
    print("|---|---|" + "---|" * len(keys))
    for kind in ("splice", "copymove"):
        for q in qualities + ["all"]:
            sel = [r for r in rows if q == "all" or r["quality"] == q]
            cells = []
            for k in keys:
                pos = [r[k] for r in sel if r["type"] == kind and np.isfinite(r[k])]
                neg = [r[k] for r in sel if r["type"] == "pristine" and np.isfinite(r[k])]
                a = auc(pos, neg)
                cell = "n/a" if not np.isfinite(a) else f"{a:.2f}"
                if q == "all" and k == "branch":
                    lo, hi = bootstrap_auc([r for r in sel if np.isfinite(r[k])], k, kind)
                    cell += f" ({lo:.2f}-{hi:.2f})"
                cells.append(cell)
            print(f"| {kind} | {q} | " + " | ".join(cells) + " |")
    print("\nMean branch score (and share >= 0.5) by type and quality\n")
    print("| type | " + " | ".join(f"q{q}" for q in qualities) + " |")
    print("|---|" + "---|" * len(qualities))
    for kind in ("pristine", "splice", "copymove"):
        cells = []
        for q in qualities:
            s = np.array([r["branch"] for r in rows if r["type"] == kind and r["quality"] == q])
            cells.append(f"{s.mean():.2f} ({(s >= 0.5).mean() * 100:.0f}%)")
        print(f"| {kind} | " + " | ".join(cells) + " |")

    print("\nPixel-level F1 of the maps (mean over tampered images; Otsu / top 5%)\n")
    print("| tamper | quality | " + " | ".join(MAPS) + " | copy-move vs source+target |")
    print("|---|---|" + "---|" * (len(MAPS) + 1))
    masks = {}
    for kind in ("splice", "copymove"):
        per_q = {q: {k: [] for k in list(MAPS) + ["cm-both"]} for q in qualities}
        for r in rows:
            if r["type"] != kind:
                continue
            size = (r["width"], r["height"])
            if r["mask"] not in masks:
                masks[r["mask"]] = np.asarray(Image.open(os.path.join(set_dir, r["mask"]))) > 127
            mask = masks[r["mask"]]
            both = mask
            if r.get("source_mask"):
                both = mask | (np.asarray(Image.open(os.path.join(set_dir, r["source_mask"]))) > 127)
            for name, suffix in MAPS.items():
                m = load_map(maps_dir, r["sha"], suffix, size)
                if m is None:
                    continue
                po, pt = predictions(m)
                per_q[r["quality"]][name].append((f1(po, mask), f1(pt, mask)))
                if name == "copy-move":
                    per_q[r["quality"]]["cm-both"].append((f1(po, both), f1(pt, both)))
        for q in qualities + ["all"]:
            cells = []
            for k in list(MAPS) + ["cm-both"]:
                v = [x for qq in qualities if q == "all" or qq == q for x in per_q[qq][k]]
                cells.append("n/a" if not v else f"{np.mean([a for a, _ in v]):.2f} / {np.mean([b for _, b in v]):.2f}")
            print(f"| {kind} | {q} | " + " | ".join(cells) + " |")
    mf = [r["mask_fraction"] for r in rows if r["type"] != "pristine" and r["quality"] == qualities[0]]
    print(f"\nTampered area: {np.min(mf) * 100:.1f}-{np.max(mf) * 100:.1f}% of the image (median {np.median(mf) * 100:.1f}%).")


if __name__ == "__main__":
    main()
