#!/usr/bin/env python3
"""The differential oracle for QRCodeTests: segno (PyPI) answering one JSON request per line.

Request:  {"text": "...", "error": "L|M|Q|H", "version": 1-40, "mode": "numeric|alphanumeric|byte", "mask": 0-7 or null}
Answer:   {"version": v, "error": "M", "mode": "byte", "mask": m, "matrix": "0101..." (row-major, size*size)}
          or {"failure": "message"}
The first line written is a greeting: {"segno": "<version>", "padding_fix": true|false}.

segno 1.6.6 appends 8 zero bits when the bit stream after the terminator already ends on a codeword
boundary (segno issue #148, still open): ISO/IEC 18004 7.4.10 adds padding bits only to reach a
boundary. Both decode the same, but the matrices differ, so when the installed segno shows that
behaviour, its write_padding_bits is replaced by the standard's rule (the fix proposed in that issue).
Everything else -- segments, Reed-Solomon, placement, masking and mask choice, format and version
information -- is segno's own code.
"""
import json
import sys

import segno
from segno import consts, encoder


def _pads_aligned_streams():
    buff = encoder.Buffer()
    encoder.write_padding_bits(buff, 1, 16)
    return len(buff) != 0


padding_fix = _pads_aligned_streams()
if padding_fix:
    def _write_padding_bits(buff, version, length):
        if version not in (consts.VERSION_M1, consts.VERSION_M3):
            buff.extend([0] * (-length % 8))
    encoder.write_padding_bits = _write_padding_bits


def answer(req):
    text = req["text"]
    mode = req["mode"]
    content = text.encode("utf-8") if mode == "byte" else text
    qr = segno.make(content, error=req["error"].lower(), version=req["version"], mode=mode,
                    mask=req.get("mask"), boost_error=False, micro=False)
    rows = ["".join("1" if m else "0" for m in row) for row in qr.matrix]
    return {"version": qr.version, "error": qr.error, "mode": qr.mode, "mask": qr.mask, "matrix": "".join(rows)}


def main():
    out = sys.stdout
    out.write(json.dumps({"segno": segno.__version__, "padding_fix": padding_fix}) + "\n")
    out.flush()
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            reply = answer(json.loads(line))
        except Exception as e:  # the test reports it
            reply = {"failure": f"{type(e).__name__}: {e}"}
        out.write(json.dumps(reply) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
