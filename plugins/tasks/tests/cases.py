"""Test helper: a real new incident, reported through ``ctx.incidents`` inside a commune."""

from __future__ import annotations

from gisdesk.api import Incident


def new_incident(ctx, commune: str, category: str = "flooding", severity: int = 3, *, dx: float = 0.0,
                 address: str = "12 Lê Lợi", description: str = "Water 40 cm deep across the street",
                 channel: str = "hotline", photo: bytes | None = None) -> str:
    """Report an incident at a point inside ``commune`` (``dx`` metres east of its representative point)."""
    p = ctx.incidents.commune_area(commune).representative_point()
    from shapely.geometry import Point

    uuid = ctx.incidents.create(Incident(category=category, geometry=Point(p.x + dx, p.y), severity=severity,
                                         address=address, description=description, channel=channel))
    if photo is not None:
        ctx.incidents.attach(uuid, "street.jpg", photo)
    return uuid
