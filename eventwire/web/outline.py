"""The dashboard's world outline, made at setup from countryinfo's country shapes (no download).

``python -m eventwire.web.outline`` writes ``static/world.json``: one feature per country
({id: ISO3, name, paths: [[[lon, lat], ...], ...]}), coordinates rounded to 0.1 degree and
consecutive duplicates dropped, which is plenty for a small map and keeps the file small.
"""

from __future__ import annotations

import json
from pathlib import Path

OUTLINE_FILE = Path(__file__).resolve().parent / "static" / "world.json"
PRECISION = 1  # decimal places of a degree


def country_outlines() -> list[dict]:
    import countryinfo

    features = []
    for country in countryinfo.all_countries():
        shape = country.geo_json() or {}
        for feature in shape.get("features", []):
            rings = _rings(feature.get("geometry") or {})
            if rings:
                features.append({"id": feature.get("id") or country.iso(3),
                                 "name": (feature.get("properties") or {}).get("name"),
                                 "paths": rings})
    return sorted(features, key=lambda f: f["id"] or "")


def _rings(geometry: dict) -> list[list[list[float]]]:
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
    rings = [_simplified(ring) for polygon in polygons for ring in polygon[:1]]  # outer rings only
    return [ring for ring in rings if len(ring) >= 3]


def _simplified(ring: list) -> list[list[float]]:
    points: list[list[float]] = []
    for lon, lat, *_ in ring:
        point = [round(lon, PRECISION), round(lat, PRECISION)]
        if not points or points[-1] != point:
            points.append(point)
    return points


def outline_json() -> bytes:
    return json.dumps({"type": "eventwire-outline", "countries": country_outlines()},
                      separators=(",", ":")).encode("utf-8")


def write_outline(path: Path = OUTLINE_FILE) -> Path:
    path.write_bytes(outline_json())
    return path


def main() -> None:
    written = write_outline()
    print(f"wrote {written} ({written.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
