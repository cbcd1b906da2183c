"""The DOCX export's chart per principle: one picture in each principle's part, its alt text
giving every figure in words (worked out here from the sessions), drawn as stacked bars in the
protocol's option order with a hatch per option, a legend, the count and share written in the
segments wide enough, "No votes" said once per unvoted commitment; PNGs without a "Software"
stamp, the same bytes twice; and matplotlib loaded only when a Word export is made."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from export_helpers import share
from test_export_docx import open_doc, principle_tables

from helpers import REPO
from workshop.consultation.report_build import build_report
from workshop.export import export_bytes
from workshop.export.docx_chart import chart_png, figure

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def expected_alt(src, protocol) -> list[str]:
    """Each principle's alt text, from the sessions' own counts."""
    out = []
    for n, p in enumerate(protocol.principles, 1):
        parts = []
        for m, c in enumerate(p.commitments, 1):
            totals = src.totals(protocol, c.id)
            figures = ", ".join(f"{o.label} {totals[o.id]}" for o in protocol.vote_options)
            parts.append(f"{n}.{m} " + (figures if sum(totals.values()) else "No votes"))
        out.append(f"Principle {n}, {p.title}, votes per commitment: " + "; ".join(parts) + ".")
    return out


def test_a_chart_per_principle_with_its_figures_in_words(source, protocol):
    doc = open_doc(export_bytes(source.merged, protocol, "docx"))
    body = list(doc.element.body.iterchildren())
    pictures = [e for e in body if e.xpath(".//w:drawing")]
    assert len(pictures) == len(doc.inline_shapes) == len(protocol.principles)
    assert [p.find(f".//{WP}docPr").get("descr") for p in pictures] == expected_alt(source,
                                                                                    protocol)
    tables = [t._tbl for t in principle_tables(doc)]
    for picture, table in zip(pictures, tables, strict=True):  # right before its table
        assert body.index(table) == body.index(picture) + 1


def test_the_council_alt_text(council, protocol):
    doc = open_doc(export_bytes(council.merged, protocol, "docx"))
    alt = doc.inline_shapes[0]._inline.docPr.get("descr")
    assert alt.startswith("Principle 1, Achieve intended outcomes, votes per commitment: "
                          "1.1 Agree 24, Agree if amended 12, Disagree 0; "
                          "1.2 Agree 20, Agree if amended 0, Disagree 20; ")
    assert alt.endswith("; 1.4 No votes; 1.5 No votes; 1.6 No votes; 1.7 No votes.")


def test_pngs_are_stable_and_unstamped(council, protocol):
    image = pytest.importorskip("PIL.Image")
    doc = open_doc(export_bytes(council.merged, protocol, "docx"))
    blobs = [doc.part.related_parts[s._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
             for s in doc.inline_shapes]
    assert len(set(blobs)) == len(protocol.principles)
    for blob in blobs:
        picture = image.open(io.BytesIO(blob))
        assert picture.format == "PNG"
        assert "Software" not in picture.info
        assert [round(d) for d in picture.info["dpi"]] == [200, 200]
    report = build_report(council.merged, protocol)
    first = report.principles[0]
    assert chart_png(first, "No votes") == chart_png(first, "No votes") == blobs[0]


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))
            if t.get_text() and t.get_visible()]


def test_the_bars_the_hatches_the_legend_and_the_labels(council, protocol):
    report = build_report(council.merged, protocol)
    p = report.principles[0]
    fig = figure(p, report.no_votes_label)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "1.1", "1.2", "1.3", "1.4 No votes", "1.5 No votes", "1.6 No votes", "1.7 No votes"]
    assert sum(t.count("No votes") for t in texts(fig)) == 4  # once per unvoted commitment
    labels = [o.label for o in protocol.vote_options]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == labels
    assert [c.get_label() for c in ax.containers] == labels  # stacked in the protocol's order
    hatches = [c[0].get_hatch() for c in ax.containers]
    assert all(hatches) and len(set(hatches)) == len(hatches)
    assert [h.get_hatch() for h in ax.get_legend().legend_handles] == hatches
    first = [(c[0].get_x(), c[0].get_width()) for c in ax.containers]  # 1.1: 24, 12, 0
    assert first == [(0, pytest.approx(100 * 24 / 36)), (pytest.approx(100 * 24 / 36),
                                                          pytest.approx(100 * 12 / 36)),
                     (pytest.approx(100.0), 0)]
    segments = [t.get_text() for t in ax.texts]
    assert segments == [f"24 ({share(24, 36)}%)", "12 (33%)", "20 (50%)", "20 (50%)",
                        "40 (100%)"]  # none for a segment of no votes


def test_a_narrow_segment_shows_only_what_fits(source, protocol):
    report = build_report(source.merged, protocol)
    fig = figure(report.principles[0], report.no_votes_label)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    for label in ax.texts:
        x, y = label.get_position()
        bar = next(r for c in ax.containers for r in c
                   if r.get_x() < x < r.get_x() + r.get_width()
                   and abs(r.get_y() + r.get_height() / 2 - y) < 1e-6)
        (x0, _), (x1, _) = ax.transData.transform([(bar.get_x(), y),
                                                   (bar.get_x() + bar.get_width(), y)])
        assert label.get_window_extent(renderer).width <= x1 - x0


def test_matplotlib_is_loaded_only_for_a_word_export(source, protocol):
    code = ("import sys\nfrom pathlib import Path\n"
            "from workshop.consultation.inputs import read_result\n"
            "from workshop.protocol.load import load_protocol\n"
            "from workshop.export import export_bytes\n"
            "import workshop.export.docx_export, workshop.export.docx_chart\n"
            f"protocol = load_protocol({str(REPO / 'protocol.toml')!r})\n"
            f"merged = read_result(Path({str(source.path)!r}), protocol)\n"
            "export_bytes(merged, protocol, 'md')\n"
            "print('matplotlib' in sys.modules)\n"
            "export_bytes(merged, protocol, 'docx')\n"
            "print('matplotlib' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]
