"""Builds the image-forensics test set of Scripts/eval-forensics from real camera photos.

For every photo (decoded once; the demo photos are JPEGs saved at quality 80):
  splice     a rectangle or ellipse (64-200 px a side) from the next photo in the list, pasted
             as-is (no scaling, hard edge) at a random place, so it lands off the 8x8 grid
  copymove   a rectangle or ellipse of the photo itself cloned to another place, not overlapping
  pristine   the photo untouched
each saved as JPEG at qualities 75, 85 and 95 with Pillow (libjpeg, 4:2:0, no EXIF), so every file,
tampered or not, has been compressed twice: "was re-saved" is not the signal. Masks are PNGs
(255 = tampered pixels); copy-move also gets the mask of its source region. The layout is
    OUT/<type>/<photo>_q<quality>.jpg   OUT/masks/<type>_<photo>.png   OUT/manifest.json
Usage: make_set.py PHOTO_DIR OUT_DIR [SEED]
"""
import json
import os
import random
import sys

from PIL import Image, ImageDraw

QUALITIES = (75, 85, 95)


def region_mask(size, box, shape):
    """An L-mode mask of `size` with the rectangle or ellipse `box` (x0, y0, x1, y1) at 255."""
    m = Image.new("L", size, 0)
    d = ImageDraw.Draw(m)
    (d.rectangle if shape == "rect" else d.ellipse)([box[0], box[1], box[2] - 1, box[3] - 1], fill=255)
    return m


def pick_size(rng, img):
    w = rng.randint(64, min(200, img.width // 3))
    h = rng.randint(64, min(200, img.height // 3))
    return w, h


def splice(rng, host, donor):
    w, h = pick_size(rng, host)
    w, h = min(w, donor.width), min(h, donor.height)
    sx, sy = rng.randint(0, donor.width - w), rng.randint(0, donor.height - h)
    tx, ty = rng.randint(0, host.width - w), rng.randint(0, host.height - h)
    shape = rng.choice(["rect", "ellipse"])
    patch = donor.crop((sx, sy, sx + w, sy + h))
    local = region_mask((w, h), (0, 0, w, h), shape)
    out = host.copy()
    out.paste(patch, (tx, ty), local)
    return out, region_mask(host.size, (tx, ty, tx + w, ty + h), shape), None, shape


def copy_move(rng, img):
    w, h = pick_size(rng, img)
    shape = rng.choice(["rect", "ellipse"])
    for _ in range(1000):
        sx, sy = rng.randint(0, img.width - w), rng.randint(0, img.height - h)
        tx, ty = rng.randint(0, img.width - w), rng.randint(0, img.height - h)
        if abs(tx - sx) >= w or abs(ty - sy) >= h:  # the copies do not overlap
            break
    patch = img.crop((sx, sy, sx + w, sy + h))
    out = img.copy()
    out.paste(patch, (tx, ty), region_mask((w, h), (0, 0, w, h), shape))
    return (out, region_mask(img.size, (tx, ty, tx + w, ty + h), shape),
            region_mask(img.size, (sx, sy, sx + w, sy + h), shape), shape)


def main():
    src, out = sys.argv[1], sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2024)
    names = sorted(f for f in os.listdir(src) if f.lower().endswith(".jpg"))
    photos = [Image.open(os.path.join(src, f)).convert("RGB") for f in names]
    for d in ("pristine", "splice", "copymove", "masks"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    manifest = []
    for i, (name, img) in enumerate(zip(names, photos)):
        stem = os.path.splitext(name)[0]
        edits = {"pristine": (img, None, None, None),
                 "splice": splice(rng, img, photos[(i + 1) % len(photos)]),
                 "copymove": copy_move(rng, img)}
        for kind, (edited, mask, source, shape) in edits.items():
            entry = {"photo": stem, "photo_index": i, "type": kind, "shape": shape}
            if mask is not None:
                entry["mask"] = f"masks/{kind}_{stem}.png"
                mask.save(os.path.join(out, entry["mask"]))
                entry["mask_fraction"] = sum(mask.histogram()[128:]) / (img.width * img.height)
            if source is not None:
                entry["source_mask"] = f"masks/{kind}_{stem}_source.png"
                source.save(os.path.join(out, entry["source_mask"]))
            for q in QUALITIES:
                f = f"{kind}/{stem}_q{q}.jpg"
                edited.save(os.path.join(out, f), "JPEG", quality=q)
                manifest.append(dict(entry, file=f, quality=q, width=img.width, height=img.height))
    with open(os.path.join(out, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1)
    print(f"eval-forensics: {len(names)} photos, {len(manifest)} files in {out}")


if __name__ == "__main__":
    main()
