"""Take it home: screenshots, transcripts, reports, the graph and the board as files.

In a browser (`explorer serve`) a hand-out is delivered to the student's own machine as a
download (Textual's `deliver_text`, which textual-serve turns into a download), named after the
student, the lesson and what it is; no server path is shown. In a terminal it is saved as a file
(atomically, with the user's umask) in the data folder's `exports/`, or the student's folder in
a class.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

MIME = {"md": "text/markdown", "svg": "image/svg+xml", "graphml": "application/xml",
        "gexf": "application/xml", "dot": "text/vnd.graphviz", "json": "application/json"}


def file_name(app, what: str, ext: str, lesson: str | None = None) -> str:
    session = getattr(app, "class_session", None)
    if session is not None:
        return session.download_name(what, ext, lesson)
    stamp = datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
    return f"kingmaker-{what}-{stamp}.{ext}"


def hand_out(app, text: str, what: str, ext: str, lesson: str | None = None,
             folder: str | Path | None = None) -> str | None:
    """Deliver `text` to the browser, or save it; notify the person either way. Returns the
    delivery key (browser) or the path written (terminal), None on failure."""
    name = file_name(app, what, ext, lesson)
    if app.is_web:
        key = app.deliver_text(io.StringIO(text), save_filename=name, open_method="download",
                               mime_type=MIME.get(ext, "text/plain"), encoding="utf-8")
        app.notify(f"Downloading {name}", markup=False)
        return key
    from explorer.core.exports import write_text_atomic
    from explorer.core.storage import data_dir

    target = Path(folder) if folder is not None else data_dir() / "exports"
    try:
        path = write_text_atomic(target / name, text)
    except OSError as exc:
        app.notify(f"Cannot save {name}: {exc.strerror or exc}", severity="error", markup=False)
        return None
    app.notify(f"Saved {path}", markup=False)
    return str(path)


def hand_out_file(app, path: Path, what: str, ext: str, lesson: str | None = None) -> None:
    """A file already written (a transcript): delivered to the browser; in a terminal it is
    where the engine said it is."""
    if not app.is_web:
        return
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        app.notify(f"Cannot read the {what}: {exc.strerror or exc}", severity="error",
                   markup=False)
        return
    hand_out(app, text, what, ext, lesson)


def coalition_report(app) -> str:
    from explorer.core.report import coalition_report as report

    state = app.state
    return report(app.atlas, state.picture, list(state.coalition.members), state.coalition.pm)


def graph_export(app, fmt: str = "graphml") -> str:
    from explorer.core.exports import graph_text

    return graph_text(app.atlas, app.on, fmt)
