#!/usr/bin/env python3
"""Writes a synthetic resident survey as CSV, for tests, fixtures and benchmarks.

Each respondent has a hidden degree of loneliness, so answers hang together as in real data.
Columns: respondent, wijk, buurt, leeftijd, geslacht, stratum, weging, djg1..djg11, ucla1..ucla3
(respondent numbers are there on purpose: the import must not store them).

  generate-survey.py --rows 2000 --seed 7 [--points 3|5] [--missing 0.03] [--separator ';']
                     [--wijken 6] [--strata 4] [--encoding utf-8|cp1252] > file.csv
"""
import argparse
import random
import sys

DJG_POSITIVE = {1, 4, 7, 8, 11}
WORDS_3 = ["nee", "min of meer", "ja"]
WORDS_5 = ["nee!", "nee", "min of meer", "ja", "ja!"]
UCLA = ["(bijna) nooit", "soms", "vaak"]
# Free text as people write it: separators, quotes and line breaks inside quoted cells.
REMARKS = ["", "", "", "Geen opmerkingen", '"Fijne buurt; wel weinig bankjes, helaas"',
           '"Mijn buurvrouw zegt: ""kom eens langs"""', '"Eerste regel\r\ntweede regel"',
           "Graag meer activiteiten voor ouderen in het buurthuis"]


def spelling(word, rng):
    """People and exports spell the same answer differently."""
    r = rng.random()
    if r < 0.08:
        return word.capitalize()
    if r < 0.1:
        return " " + word.upper()
    return word


def djg_answer(item, lonely, points, rng):
    # Probability of an answer on the lonely side grows with the hidden loneliness.
    side = rng.random() < 0.03 + 0.9 * lonely**1.4
    neutral = rng.random() < 0.03 + 0.2 * lonely
    if neutral:
        return "min of meer"
    negative = item not in DJG_POSITIVE
    lonely_word = "ja" if negative else "nee"
    other_word = "nee" if negative else "ja"
    word = lonely_word if side else other_word
    if points == 5 and rng.random() < 0.3:
        word += "!"
    return word


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--points", type=int, choices=[3, 5], default=3)
    parser.add_argument("--missing", type=float, default=0.03)
    parser.add_argument("--separator", default=";")
    parser.add_argument("--wijken", type=int, default=6)
    parser.add_argument("--buurten", type=int, default=3, help="per wijk")
    parser.add_argument("--strata", type=int, default=4)
    parser.add_argument("--gemeente", default="9999")
    parser.add_argument("--encoding", default="utf-8")
    parser.add_argument("--remarks", action="store_true",
                        help="add a free-text column 'opmerking' (quoted, with separators)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sep = args.separator
    out = open(sys.stdout.fileno(), "w", encoding=args.encoding, newline="", buffering=1 << 20)
    header = ["respondent", "wijk", "buurt", "leeftijd", "geslacht", "stratum", "weging"]
    header += [f"djg{i}" for i in range(1, 12)] + [f"ucla{i}" for i in range(1, 4)]
    if args.remarks:
        header.append("opmerking")
    out.write(sep.join(header) + "\r\n")
    # Wijken differ in size and in loneliness, so domain estimates differ.
    wijk_size = [rng.uniform(0.5, 2.0) for _ in range(args.wijken)]
    wijk_level = [rng.uniform(-0.15, 0.15) for _ in range(args.wijken)]
    decimal = "," if sep == ";" else "."
    for r in range(1, args.rows + 1):
        w = rng.choices(range(args.wijken), weights=wijk_size)[0]
        wijk = f"WK{args.gemeente}{w + 1:02d}"
        buurt = f"BU{args.gemeente}{w + 1:02d}{rng.randrange(args.buurten) + 1:02d}"
        age = min(99, int(rng.triangular(18, 97, 60)))
        sex = rng.choices(["man", "vrouw", "anders"], weights=[48, 50, 2])[0]
        stratum = f"S{rng.randrange(args.strata) + 1}" if args.strata else ""
        weight = f"{rng.lognormvariate(0, 0.45):.6f}".replace(".", decimal)
        # About one in eight very lonely, the rest spread out, as the Gezondheidsmonitor finds.
        base = rng.uniform(0.85, 1.0) if rng.random() < 0.12 else rng.betavariate(1.1, 3.0)
        lonely = min(1.0, max(0.0, base + wijk_level[w] + (age >= 75) * 0.08))
        row = [str(r), wijk, buurt, str(age), sex, stratum, weight]
        for item in range(1, 12):
            if rng.random() < args.missing:
                row.append("")
            else:
                row.append(spelling(djg_answer(item, lonely, args.points, rng), rng))
        for _ in range(3):
            if rng.random() < args.missing:
                row.append("")
            else:
                score = 1 + (rng.random() < 0.2 + 0.7 * lonely) + (rng.random() < 0.5 * lonely)
                row.append(spelling(UCLA[score - 1], rng))
        if args.remarks:
            row.append(rng.choice(REMARKS))
        out.write(sep.join(row) + "\r\n")
    out.flush()


if __name__ == "__main__":
    main()
