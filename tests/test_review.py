"""The review queue (`declass review`, `declass.review`) on real records of the sample documents."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, FIXTURES, SEED, needs_corpus

from declass.cli import main
from declass.review import (
    CONFLICT,
    DEFAULT_THRESHOLD,
    LOW,
    MISSING,
    confidence_style,
    queue_quality,
    read_records,
    review_record,
    review_rows,
)

ODNI = FIXTURES / "odni" / "20131119-odni__verification_slide.txt"
FBI_MEMO = FIXTURES / "jfk-applevision" / "2021__docid-32309610.txt"
FRUS = FIXTURES / "frus" / "frus1918Russiav03_d150.txt"
TEXTS = sorted(FIXTURES.rglob("*.txt"))


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def records_jsonl(tmp_path_factory) -> Path:
    """The sample texts' records, written by `declass extract` as a cataloguer's earlier run would."""
    out = tmp_path_factory.mktemp("records") / "records.jsonl"
    result = CliRunner().invoke(main, ["extract", *map(str, TEXTS), "--ocr", "never", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _records(path: Path) -> dict[str, dict]:
    return {Path(r["source"]["path"]).name: r for r in read_records(str(path))}


def _ranks(csv_text: str) -> dict[str, int]:
    return {Path(row["path"]).name: int(row["rank"]) for row in csv.DictReader(io.StringIO(csv_text))}


def test_seed_memo_lists_its_real_doubtful_fields(records_jsonl):
    seed = _records(records_jsonl)[SEED.name]
    row = review_record(seed, 0.9)
    # the memo's date, sender, subject, classification and case number are read at >= 0.9; its
    # document type (0.7, from FROM/SUBJECT lines), FADRC number (0.72) and reviewer (0.85) are not
    assert {(i.field, i.reason) for i in row.items} == {
        ("document_type", LOW),
        ("identifiers", LOW),
        ("declassification.reviewers", LOW),
    }
    by_field = {i.field: i for i in row.items}
    assert by_field["identifiers"].value == "F780011-0573"
    assert by_field["identifiers"].raw == "F780011-0573"
    assert by_field["identifiers"].confidence == 0.72
    assert row.lowest_confidence == 0.7
    # weight x (1 + shortfall / threshold), plus one point for the review-date warning
    assert row.priority == pytest.approx(
        1 * (1 + 0.2 / 0.9) + 1 * (1 + 0.18 / 0.9) + 0.5 * (1 + 0.05 / 0.9) + 1
    )
    # at 0.7 nothing is below the threshold: only the warning remains
    low = review_record(seed, 0.7)
    assert low.items == [] and low.priority == 1.0


def test_missing_important_fields_are_listed(records_jsonl):
    row = review_record(_records(records_jsonl)[ODNI.name], 0.9)
    assert {i.field for i in row.items if i.reason == MISSING} == {
        "document_date",
        "sender",
        "classification.original",
    }
    assert [i.field for i in row.items if i.reason == LOW] == ["subject"]


def test_queue_from_documents_puts_doubtful_documents_above_the_seed_memo(runner):
    result = runner.invoke(main, ["review", *map(str, TEXTS), "--ocr", "never", "--format", "csv"])
    assert result.exit_code == 0, result.output
    ranks = _ranks(result.stdout)
    # the FBI memo's date, sender, subject and addressee come from its NARA form (0.78-0.85); the
    # ODNI slide has a heuristic title (0.7) and no date or sender
    assert ranks[FBI_MEMO.name] < ranks[SEED.name]
    assert ranks[ODNI.name] < ranks[SEED.name]
    # the FRUS telegram's fields are all >= 0.92; only its (absent) subject and classification count
    assert ranks[SEED.name] < ranks[FRUS.name]
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    priorities = [float(r["priority"]) for r in rows]
    assert priorities == sorted(priorities, reverse=True)
    seed_row = next(r for r in rows if r["path"].endswith(SEED.name))
    assert seed_row["fields"] == "document_type; identifiers; declassification.reviewers"
    assert (
        'identifiers: F780011-0573 [raw "F780011-0573", p.1, 0.72, rule:state-fadrc-number]'
        in seed_row["review"]
    )
    assert "is earlier than the document date" in seed_row["warnings"]
    assert "documents to review" in result.stderr


def test_queue_from_jsonl_json_and_sqlite_outputs_equals_queue_from_documents(
    runner, records_jsonl, tmp_path
):
    direct = runner.invoke(main, ["review", *map(str, TEXTS), "--ocr", "never", "-f", "csv"]).stdout
    assert runner.invoke(main, ["review", str(records_jsonl), "-f", "csv"]).stdout == direct
    for suffix in (".json", ".db"):
        out = tmp_path / f"records{suffix}"
        made = runner.invoke(main, ["extract", *map(str, TEXTS), "--ocr", "never", "-o", str(out)])
        assert made.exit_code == 0, made.output
        result = runner.invoke(main, ["review", str(out), "-f", "csv"])
        assert result.exit_code == 0, result.output
        assert result.stdout == direct, suffix
    piped = runner.invoke(main, ["review", "-", "-f", "csv"], input=records_jsonl.read_text(encoding="utf-8"))
    assert piped.stdout == direct


def test_table_shows_the_top_n(runner, records_jsonl):
    ranks = _ranks(runner.invoke(main, ["review", str(records_jsonl), "-f", "csv"]).stdout)
    first_two = sorted(ranks, key=ranks.get)[:2]
    third = sorted(ranks, key=ranks.get)[2]
    result = runner.invoke(main, ["review", str(records_jsonl), "-f", "table", "--top", "2"])
    assert result.exit_code == 0, result.output
    assert "top 2 shown" in result.stdout
    for name in first_two:
        assert name[:20] in result.stdout
    assert third[:20] not in result.stdout


def test_jsonl_and_output_file(runner, records_jsonl, tmp_path):
    out = tmp_path / "queue.jsonl"
    result = runner.invoke(main, ["review", str(records_jsonl), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert all(r["schema"] == "declass.review/1" for r in rows)
    seed = next(r for r in rows if r["source"]["path"].endswith(SEED.name))
    assert seed["source"]["page_start"] == 1
    assert {i["field"] for i in seed["review"]} == {
        "document_type",
        "identifiers",
        "declassification.reviewers",
    }


def test_documents_with_nothing_to_review_are_left_out_unless_all(runner, records_jsonl, tmp_path):
    # At 0.7 the FBI memo has nothing below the threshold (lowest 0.78) and no empty field; its only
    # point is the resolver's sender conflict (FBI memo line over the cover sheet). With that warning
    # settled (removed, as after a person's check) it has nothing left to review.
    records = _records(records_jsonl)
    memo = records[FBI_MEMO.name]
    assert [w for w in memo["warnings"] if w.startswith("sender: chose")] == memo["warnings"]
    settled = tmp_path / "settled.jsonl"
    memo = memo | {"warnings": []}
    lines = [json.dumps(r) for name, r in records.items() if name != FBI_MEMO.name] + [json.dumps(memo)]
    settled.write_text("\n".join(lines) + "\n", encoding="utf-8")

    plain = _ranks(
        runner.invoke(main, ["review", str(settled), "-f", "csv", "--min-confidence", "0.7"]).stdout
    )
    assert FBI_MEMO.name not in plain and len(plain) == len(TEXTS) - 1
    every = runner.invoke(main, ["review", str(settled), "-f", "csv", "--min-confidence", "0.7", "--all"])
    rows = list(csv.DictReader(io.StringIO(every.stdout)))
    assert len(rows) == len(TEXTS)
    assert rows[-1]["path"].endswith(FBI_MEMO.name) and rows[-1]["priority"] == "0.00"


def test_a_bad_record_file_is_named_and_the_rest_reviewed(runner, records_jsonl, tmp_path):
    bad = tmp_path / "notes.jsonl"
    bad.write_text('{"not": "a record"}\n', encoding="utf-8")
    result = runner.invoke(main, ["review", str(bad), str(records_jsonl), "-f", "csv"])
    assert result.exit_code == 1
    assert f"{bad}: line 1: not a declass record" in result.stderr
    assert SEED.name in result.stdout


def test_extract_min_confidence_drops_what_review_marks(runner):
    dropped = json.loads(runner.invoke(main, ["extract", str(SEED), "--min-confidence", "0.75"]).stdout)
    assert dropped["document_type"] is None and dropped["identifiers"] == []
    assert "dropped from the record" in " ".join(runner.invoke(main, ["extract", "--help"]).stdout.split())
    kept = json.loads(runner.invoke(main, ["extract", str(SEED)]).stdout)
    assert {i.field for i in review_record(kept, 0.75).items} == {"document_type", "identifiers"}


def test_a_conflict_noted_by_the_resolver_is_listed():
    from declass.extract.base import Candidate
    from declass.ingest import read_documents
    from declass.pipeline import candidates
    from declass.resolve import resolve

    doc = read_documents(SEED)[0]
    rival = Candidate("document_date", "1962-10-25", 126, 142, 0.8, "rule:test-rival")
    rec = resolve(doc, [*candidates(doc), rival]).to_dict()
    row = review_record(rec, 0.9)
    conflict = [i for i in row.items if i.reason == CONFLICT]
    assert [i.field for i in conflict] == ["document_date"]
    assert conflict[0].value == "1962-10-26" and "'1962-10-25'" in conflict[0].note
    plain = review_record(resolve(doc, candidates(doc)).to_dict(), 0.9)
    assert row.priority == pytest.approx(plain.priority + 3.0)  # document_date weighs 3


def test_confidence_colours_and_cli_default():
    assert confidence_style(0.6, 0.9) == "red"
    assert confidence_style(0.8, 0.9) == "yellow"
    assert confidence_style(0.93, 0.9) == "green"
    param = next(p for p in main.commands["review"].params if p.name == "threshold")
    assert param.default == DEFAULT_THRESHOLD


def test_ties_are_ordered_by_lowest_confidence_then_path(records_jsonl):
    recs = list(read_records(str(records_jsonl)))
    rows = review_rows(recs + recs, 0.9)
    assert len(rows) == 2 * len(recs)
    keys = [(-r.priority, r.lowest_confidence, r.path) for r in rows]
    assert keys == sorted(keys)


@needs_corpus
def test_flagged_values_are_wrong_more_often_and_lead_the_queue():
    from declass.batch import extract_paths
    from declass.evaluate import gold_documents

    gold = {str(d.resolve()): json.loads(g.read_text(encoding="utf-8")) for d, g in gold_documents(CORPUS)}
    pairs = [
        (r.to_dict(), gold[str(Path(res.path).resolve())])
        for res in extract_paths(sorted(gold), ocr="never", jobs=2)
        for r in res.records
    ]
    q = queue_quality(pairs, DEFAULT_THRESHOLD)
    assert q["documents"] >= 150
    flagged, unflagged = q["values"]["flagged"], q["values"]["unflagged"]
    assert flagged["precision"] < unflagged["precision"] - 0.03
    assert flagged["wrong"] > unflagged["wrong"]  # most wrong values are flagged
    assert q["top_share_wrong"] > 0.3  # a random order would put 0.2 there
    assert q["mean_position_wrong"] < q["lowest_confidence_mean_position_wrong"]


def test_queue_format_and_gathered_inputs(records_jsonl, tmp_path):
    from declass.review import gather_records, queue_format

    assert queue_format("queue.NDJSON", terminal=True) == "jsonl"
    assert queue_format("queue.csv", terminal=False) == "csv"
    # a suffix that names no queue format: csv in a file, a table only on a terminal
    assert queue_format("queue.json", terminal=True) == "csv"
    assert queue_format(None, terminal=True) == "table" and queue_format(None, terminal=False) == "csv"
    missing = tmp_path / "gone.jsonl"
    with open(records_jsonl, encoding="utf-8") as stdin:
        records, errors = gather_records([str(missing), "-", str(SEED)], stdin, ocr="never", jobs=1)
    assert len(records) == len(TEXTS) + 1  # the piped records and the seed memo, extracted
    assert records[-1]["source"]["path"] == str(SEED)
    assert len(errors) == 1 and str(missing) in errors[0]
