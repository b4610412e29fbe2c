"""A readable summary of one coded article, for people at a terminal."""

from __future__ import annotations

from ..records import CodedArticle


def summarize(coded: CodedArticle) -> str:
    """Who is in the article, what happened, and who said what, in a few lines."""
    art = coded.article
    names = coded.actor_by_id()
    lines = [f"== {art.title or art.source or art.id[:12]}"]
    meta = [x for x in (art.outlet, art.published, art.language) if x]
    if art.translation:
        src = art.translation.source_language or "?"
        meta.append(f"translated from {src} by {art.translation.service or 'unknown service'}")
    if meta:
        lines.append("   " + " | ".join(meta))
    lines.append(f"-- actors ({len(coded.actors)})")
    for actor in sorted(coded.actors, key=lambda a: -len(a.mentions)):
        where = "/".join(x for x in (actor.country, actor.sector) if x) or "?"
        role = f", {actor.role}" if actor.role else ""
        lines.append(f"   {actor.name} [{actor.kind}, {where}{role}] x{len(actor.mentions)}")
    lines.append(f"-- events ({len(coded.events)})")
    for event in coded.events:
        who = ", ".join(names[i].name for i in event.actor if i in names) or "?"
        whom = ", ".join(names[i].name for i in event.recipient if i in names)
        flags = [
            f
            for f, on in (
                ("negated", event.negated),
                ("hypothetical", event.hypothetical),
                ("historical", event.historical),
            )
            if on
        ]
        if event.source in names:
            flags.append(f"according to {names[event.source].name}")
        tail = f" -> {whom}" if whom else ""
        extra = f" ({', '.join(flags)})" if flags else ""
        kind = f"{event.type}/{event.mode}" if event.mode else event.type
        lines.append(f"   {event.date or '?'} {kind}: {who}{tail} «{event.trigger.text}»{extra}")
    lines.append(f"-- statements ({len(coded.statements)})")
    for st in coded.statements:
        speaker = names[st.speaker].name if st.speaker in names else "(outlet)"
        text = st.content.text if len(st.content.text) < 90 else st.content.text[:87] + "..."
        lines.append(f"   {speaker}: {text}")
    return "\n".join(lines)
