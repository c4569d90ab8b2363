"""Hostile content for the XSS and escaping tests: numbered payloads placed in every field a press release has.

Each payload carries one unique marker that only runs if the payload escapes into live markup: payload ``n``
runs ``window.__xss_n=1``, ``console.log(`XSS-n`)`` or ``alert(n)`` (chosen by ``n % 3``). A payload names
where it goes (``placement``); :func:`hostile_site` writes them into a content tree of Markdown and plain-text
releases (and file names) that builds without errors.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass


def marker_js(n: int) -> str:
    """The JavaScript statement that proves payload ``n`` ran. No quotes, so it survives any attribute."""
    return (f"window.__xss_{n}=1", f"console.log(`XSS-{n}`)", f"alert({n})")[n % 3]


def marker_re(n: int) -> re.Pattern[str]:
    """Finds payload ``n``'s marker in built text (tags are lower-cased, so any case)."""
    return re.compile(rf"__xss_{n}=|XSS-{n}\b|alert\({n}\)|msgbox\({n}\)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Payload:
    """One hostile string and where it is placed."""

    n: int
    """Its unique number, used in its marker."""
    placement: str
    """Where it goes: ``md.title``, ``md.summary``, ``md.tags``, ``md.place``, ``md.author``, ``md.body``,
    ``txt.headline``, ``txt.body``, ``txt.quote``, ``txt.speaker``, ``txt.entity``, ``txt.tags``, ``filename``,
    ``search``."""
    text: str
    """The string as written into the file (or URL)."""
    shown: bool
    """True when the text is meant to reach a page as visible text (so its marker must appear, escaped)."""


_TEMPLATES: list[tuple[str, str, bool]] = [
    # --- Markdown front matter (S03): breakouts from <title>, attributes, JSON-LD, CDATA, templates.
    ("md.title", "</title><script>{js}</script>", True),
    ("md.title", '"><svg onload={js}>', True),
    ("md.title", "' autofocus onfocus='{js}' x='", True),
    ("md.title", "</script><script>{js}</script>", True),
    ("md.title", "]]><script>{js}</script><![CDATA[", True),
    ("md.title", '{{ 7*7 }} {{ "<img src=x onerror={js}>"|safe }}', True),
    ("md.title", "{% raw %}<img src=x onerror={js}>{% endraw %} {%raw%}", True),
    ("md.title", "＜script＞{js}＜/script＞ \u2028\u2029 \u202e<scr\u200bipt>{js}</scr\u200bipt>", True),
    ("md.title", "&lt;img src=x onerror={js}&gt; &#60;script&#62;{js}&#60;/script&#62;", True),
    ("md.summary", "</script><script>{js}</script>", True),
    ("md.summary", '"><img src=x onerror="{js}">', True),
    ("md.summary", "</textarea></noscript></style><svg/onload={js}>", True),
    ("md.tags", "<script>{js}</script>", True),
    ("md.tags", '"><svg onload={js}>', True),
    ("md.tags", "' onfocus='{js}' autofocus='", True),
    ("md.tags", "]]><img src=x onerror={js}>", True),
    ("md.place", "<img src=x onerror={js}>", True),
    ("md.place", '"><details open ontoggle="{js}">', True),
    ("md.author", "</script><svg onload={js}>", False),
    # --- Markdown body, raw HTML (S01): every tag and attribute that runs script on load.
    ("md.body", "<script>{js}</script>", False),
    ("md.body", '<img src=x onerror="{js}">', False),
    ("md.body", '<svg onload="{js}"><script>{js}</script></svg>', False),
    ("md.body", '<body onload="{js}">', False),
    ("md.body", '<details open ontoggle="{js}"><summary>x</summary>y</details>', False),
    ("md.body", '<iframe srcdoc="&lt;script&gt;{js}&lt;/script&gt;"></iframe>', False),
    ("md.body", '<p>Text <input autofocus onfocus="{js}"> more</p>', False),
    ("md.body", '<noscript><p title="</noscript><img src=x onerror={js}>"></noscript>', False),
    ("md.body", "<svg><style><img src=x onerror={js}></style></svg>", False),
    ("md.body", "<math><mtext><table><mglyph><style><img src=x onerror={js}>", False),
    ("md.body", "<scr<script>ipt>{js}</scr</script>ipt>", False),
    ("md.body", '<meta http-equiv="refresh" content="0;url=javascript:{js}">', False),
    ("md.body", '<base href="javascript:{js}//"><a href="rel">rel</a>', False),
    ("md.body", '<form><button formaction="javascript:{js}">go</button></form>', False),
    ("md.body", "<!--><img src=x onerror={js}>--> <!--x--!><img src=x onerror={js}>", False),
    (
        "md.body",
        '<object data="data:text/html,&lt;script&gt;{js}&lt;/script&gt;"></object><embed src="javascript:{js}">',
        False,
    ),
    ("md.body", '<a href="javascript:{js}">plain</a> <a href="JaVaScRiPt:{js}">mixed</a>', False),
    (
        "md.body",
        '<a href="&#106;avascript:{js}">dec</a> <a href="&#x6A;&#x61;&#x76;&#x61;script&#x3A;{js}">hex</a>',
        False,
    ),
    (
        "md.body",
        '<a href="&#0000106&#0000097vascript:{js}">padded</a> <a href="javascript&colon;{js}">colon</a>',
        False,
    ),
    (
        "md.body",
        '<a href="java\tscript:{js}">tab</a> <a href="java&#x09;script:{js}">tabent</a> <a href="jav&#x0A;ascript:{js}">nl</a>',
        False,
    ),
    (
        "md.body",
        '<a href=" &#14; javascript:{js}">lead</a> <img src="vbscript:msgbox({n})"> <a href="vbscript:msgbox({n})">vb</a>',
        False,
    ),
    (
        "md.body",
        '<img src="data:image/svg+xml,&lt;svg onload={js}&gt;"> <a href="data:text/html,&lt;script&gt;{js}&lt;/script&gt;">d</a>',
        False,
    ),
    (
        "md.body",
        '<svg><a xlink:href="javascript:{js}"><text y="9">svg</text></a></svg> <math href="javascript:{js}">m</math>',
        False,
    ),
    # --- Markdown syntax (S02): links, images, autolinks and reference definitions in every spelling.
    ("md.body", "[plain](javascript:{js}) [mixed](JaVaScRiPt:{js}) [<angle>](<javascript:{js}>)", False),
    ("md.body", "[entity](&#106;avascript:{js}) [hexent](&#x6A;avascript:{js}) [sp](  javascript:{js})", False),
    ("md.body", "[data](data:text/html;base64,{b64}) [vb](vbscript:msgbox({n}))", False),
    ("md.body", '![img](javascript:{js}) ![alt" onerror="{js}](x.png) ![t](x.png "t\\" onerror=\\"{js}")', False),
    ("md.body", "<javascript:{js}> <JAVASCRIPT:{js}> <data:text/html,{js}>", False),
    (
        "md.body",
        "[ref one][r{n}a] and [ref two][r{n}b]\n\n[r{n}a]: javascript:{js}\n[r{n}b]: data:text/html;base64,{b64}",
        False,
    ),
    (
        "md.body",
        '[break](https://example.org/"onmouseover="{js}) [q](https://example.org/ "a\\" onmouseover=\\"{js}")',
        False,
    ),
    ("md.body", 'Template text {{ "<img src=x onerror={js}>"|safe }} and {% raw %}<b>{% endraw %}', False),
    # --- Plain-text releases: headline, paragraphs, quotes, speakers, entity names, Tags: line.
    ("txt.headline", "<script>{js}</script> Harbour authority opens terminal", True),
    ("txt.headline", 'Ferry "><img src=x onerror={js}> fares frozen', True),
    ("txt.headline", "</title><svg onload={js}> Port levy agreed", True),
    ("txt.headline", "&lt;script&gt;{js}&lt;/script&gt; Dock strike ends", True),
    ("txt.body", '<img src=x onerror="{js}"> was found on the quay.', True),
    ("txt.body", "</p><script>{js}</script><p> the harbour said.", True),
    ("txt.body", "Council &#60;img src=x onerror={js}&#62; and {{ 7*7 }} were discussed.", True),
    ("txt.quote", "“The <svg onload={js}> plan is fine,” said Maria Keel.", True),
    ("txt.speaker", "“Hi,” said <script>{js}</script> Maria Keel.", True),
    ("txt.speaker", '“We are ready,” said Jane "><img src=x onerror={js}> Doe, the director.', True),
    ("txt.speaker", "“Good news,” said Peter O'Brien' onmouseover='{js}' x=' on Tuesday.", True),
    (
        "txt.entity",
        'Officials of the Ministry of <b onmouseover={js}>Harbours</b> met Acme"><img src=x onerror={js}> Corp.',
        True,
    ),
    (
        "txt.entity",
        "Delegates from O'Hara & Sons' autofocus onfocus='{js}' and Smith&Co&lt;script&gt;{js} attended.",
        True,
    ),
    ("txt.tags", '<script>{js}</script>, ports" onmouseover="{js}', True),
    ("txt.tags", "]]><img src=x onerror={js}>, ' onfocus='{js}' autofocus='", True),
    # --- File names (no "/" possible): shown nowhere, but must not break the build or a page.
    ("filename", "<svg onload={js}>", False),
    ("filename", '"><img src=x onerror={js}>', False),
    ("filename", "' onfocus='{js}' autofocus='", False),
    # --- The search page's query string (the page reads it with JavaScript).
    ("search", "<img src=x onerror={js}>", False),
    ("search", '"><script>{js}</script>', False),
]


def _render(n: int, template: str) -> str:
    js = marker_js(n)
    b64 = base64.b64encode(f"<script>{js}</script>".encode()).decode()
    return template.replace("{js}", js).replace("{b64}", b64).replace("{n}", str(n))


PAYLOADS: tuple[Payload, ...] = tuple(
    Payload(n, placement, _render(n, template), shown) for n, (placement, template, shown) in enumerate(_TEMPLATES, 1)
)
"""Every payload, numbered from 1."""


def by_placement(prefix: str) -> list[Payload]:
    return [p for p in PAYLOADS if p.placement.startswith(prefix)]


def _yaml(value: object) -> str:
    return json.dumps(value)  # JSON is YAML, and json.dumps quotes every hostile character safely


def _md(title: str, day: int, body: str, **fields: object) -> str:
    lines = ["---", f"title: {_yaml(title)}", f"date: 2024-03-{day:02d}"]
    lines += [f"{key}: {_yaml(value)}" for key, value in fields.items()]
    return "\n".join([*lines, "---", "", body, ""])


def _txt(headline: str, day: int, paragraphs: list[str], tags: str = "harbour") -> str:
    dateline = f"PORTLAND, Maine, Feb. {day}, 2024 /Coastline Wire/ -- The Casco Harbour Authority met on Monday."
    return "\n\n".join([headline, dateline, *paragraphs, f"Tags: {tags}", ""])


def hostile_files() -> dict[str, str]:
    """A content tree (relative path → text) that places every payload; it builds without errors."""
    files: dict[str, str] = {}
    titles = by_placement("md.title")
    summaries = by_placement("md.summary")
    tags = by_placement("md.tags")
    places = by_placement("md.place")
    authors = by_placement("md.author")
    bodies = by_placement("md.body")
    # One Markdown release per hostile title; summaries, tags, places and authors are dealt round them,
    # and the raw-HTML and Markdown-syntax bodies are spread over them too.
    for i, title in enumerate(titles):
        fields: dict[str, object] = {}
        if i < len(summaries):
            fields["summary"] = summaries[i].text
        fields["tags"] = ["harbour", *(t.text for t in tags[i::3][:2])] if i < 3 else ["harbour"]
        if i < len(places):
            fields["place"] = places[i].text
        if i < len(authors):
            fields["author"] = authors[i].text
        body = [f"Harbour release {title.n}. “We are ready,” Ms. Berg said in **Oslo**."]
        body += [b.text for b in bodies[i :: len(titles)]]
        files[f"content/md/release-{title.n}.md"] = _md(title.text, i + 1, "\n\n".join(body), **fields)
    # Plain-text releases: each hostile headline with some of the paragraph, quote, speaker and entity payloads.
    txt_heads = by_placement("txt.headline")
    paragraphs = by_placement("txt.body") + by_placement("txt.quote") + by_placement("txt.speaker")
    paragraphs += by_placement("txt.entity")
    txt_tags = by_placement("txt.tags")
    for i, head in enumerate(txt_heads):
        body = [p.text for p in paragraphs[i :: len(txt_heads)]]
        tag_line = txt_tags[i].text if i < len(txt_tags) else "harbour, ports"
        files[f"content/txt/2024-02-{i + 1:02d}-release-{head.n}.txt"] = _txt(head.text, i + 1, body, tag_line)
    # Hostile file names: the date prefix dates them; the text itself is harmless.
    for i, name in enumerate(by_placement("filename")):
        day = 10 + i
        files[f"content/names/2024-02-{day}-{name.text}.txt"] = _txt(
            f"Harbour notice number {name.n}", day, [f"Notice {name.n} was posted at the harbour."]
        )
        files[f"content/names/{name.text}-{name.n}.md"] = _md(
            f"Harbour bulletin number {name.n}", 20 + i, f"Bulletin {name.n} was posted."
        )
    return files


def search_queries() -> list[str]:
    """Query strings for the search page: the hostile ones, and one that finds the hostile releases."""
    return [p.text for p in by_placement("search")] + ["harbour"]
