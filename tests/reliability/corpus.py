"""A corpus of a few hundred distinct articles made from the real ones in ``tests/data/articles``.

Each variant keeps a real article's text (page chrome, captions and all) and
changes its headline, so that it gets an article id, and a named graph, of its
own. The headline to change is the one the extractor in this tree finds, so the
corpus follows the extractor as it improves.
"""

from __future__ import annotations

from pathlib import Path

from kgapi.extract import extract
from tests.helpers import DATA_DIR

ARTICLES = DATA_DIR / "articles"
_PREFIXES = ("Update", "Analysis", "Explainer", "Report", "Briefing", "Follow-up", "Insight", "Recap")


def base_articles() -> list[tuple[str, str, str]]:
    """(name, text, headline the extractor finds) of every real test article."""
    out = []
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        title = extract(text, source=path.name)["article"]["title"]
        if title not in text:
            raise AssertionError(f"{path.name}: the extractor's title {title!r} is not in the text as is; "
                                 f"the corpus generator cannot vary it")
        out.append((path.stem, text, title))
    return out


def variant(text: str, title: str, k: int) -> tuple[str, str]:
    """The k-th variant of an article: (new title, new text). k=0 is the article itself."""
    if k == 0:
        return title, text
    new_title = f"{_PREFIXES[k % len(_PREFIXES)]} {k}: {title}"
    return new_title, text.replace(title, new_title)


def make_corpus(dest: Path, n: int) -> list[Path]:
    """Write ``n`` distinct article files into ``dest`` (one folder, .txt files); return their paths."""
    dest.mkdir(parents=True, exist_ok=True)
    bases = base_articles()
    paths = []
    for i in range(n):
        name, text, title = bases[i % len(bases)]
        _, body = variant(text, title, i // len(bases))
        p = dest / f"{i:04d}-{name}.txt"
        p.write_text(body, encoding="utf-8")
        paths.append(p)
    return paths
