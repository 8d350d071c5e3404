"""The declass command, through click's CliRunner: formats, stdin, exit codes, bad inputs."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SEED

from declass.cli import main


@pytest.fixture
def runner():
    return CliRunner()


def test_jsonl_is_the_default_when_piped(runner):
    result = runner.invoke(main, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["schema"] == "declass.record/1"
    assert rec["source"]["path"] == str(SEED)
    assert rec["subject"]["value"] == "Alliance Missiles"


def test_json_format_is_one_array(runner):
    result = runner.invoke(main, ["extract", "--format", "json", str(SEED), str(SEED)])
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert [r["document_date"]["value"] for r in records] == ["1962-10-26", "1962-10-26"]


def test_csv_format_has_main_fields_as_columns(runner):
    result = runner.invoke(main, ["extract", "--format", "csv", str(SEED)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["case_numbers"] == "620289"
    assert rows[0]["classification_original"] == "SECRET"
    assert "The Under Secretary" in rows[0]["addressees"]


def test_table_format_shows_one_row_per_document(runner):
    result = runner.invoke(main, ["extract", "--format", "table", str(SEED)])
    assert result.exit_code == 0
    assert "seed_rostow_1962.txt" in result.stdout
    assert "620289" in result.stdout


def test_directory_is_read_recursively_and_other_files_are_counted(runner):
    result = runner.invoke(main, ["extract", str(FIXTURES)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    documents = [p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".pdf")]
    assert len(records) == len(documents)
    gold_files = len(list(FIXTURES.rglob("*.gold.json")))
    assert f"{gold_files} files skipped" in result.stderr


def test_stdin(runner):
    result = runner.invoke(main, ["extract", "-"], input=SEED.read_text(encoding="utf-8"))
    assert result.exit_code == 0
    rec = json.loads(result.stdout)
    assert rec["source"]["path"] is None
    assert rec["sender"]["value"] == "S/P - W. W. Rostow"


def test_unreadable_file_among_good_ones(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf")
    result = runner.invoke(
        main, ["extract", str(empty), str(good), str(broken), str(tmp_path / "missing.txt")]
    )
    assert result.exit_code == 1
    assert f"{empty}: empty file" in result.stderr
    assert f"{broken}: not a readable PDF" in result.stderr
    assert "missing.txt: no such file or directory" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["path"] for r in records] == [str(good)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied_is_named(runner, tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("SUBJECT: x", encoding="utf-8")
    locked.chmod(0)
    result = runner.invoke(main, ["extract", str(locked)])
    assert result.exit_code == 1
    assert "permission denied" in result.stderr


def test_output_file_and_format_from_suffix(runner, tmp_path):
    out = tmp_path / "records.json"
    result = runner.invoke(main, ["extract", str(SEED), "--output", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))[0]["schema"] == "declass.record/1"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".declass-")]


def test_failed_run_keeps_the_previous_output_file(runner, tmp_path):
    out = tmp_path / "records.csv"
    out.write_text("previous run\n", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path / "nothing-here.txt"), "--output", str(out)])
    assert result.exit_code == 1
    # the run itself completed (with a failure), so the file holds this run's (empty) table
    assert out.read_text(encoding="utf-8").startswith("path,")


def test_usage_errors_exit_2(runner):
    assert runner.invoke(main, ["extract"]).exit_code == 2
    assert runner.invoke(main, ["extract", "--format", "xml", str(SEED)]).exit_code == 2
    assert runner.invoke(main, ["nonsense"]).exit_code == 2


def test_schema_command_prints_the_json_schema(runner):
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["properties"]["schema"]["const"] == "declass.record/1"


def test_show_highlights_fields_in_the_header(runner):
    result = runner.invoke(main, ["show", str(SEED)])
    assert result.exit_code == 0
    assert "FROM: S/P - W. W. Rostow" in result.stdout
    assert "rule:" in result.stdout
    assert "Alliance Missiles" in result.stdout


def test_show_names_a_missing_file(runner, tmp_path):
    result = runner.invoke(main, ["show", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt: no such file" in result.stderr


def test_evaluate_scores_the_sample(runner):
    result = runner.invoke(main, ["evaluate", str(FIXTURES), "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["documents"] == len(list(FIXTURES.rglob("*.gold.json")))
    assert report["fields"]["case_numbers"]["soft"]["f1"] > 0.5
    assert 0 < report["micro_f1_soft"] <= 1
