"""declass.dask on a local Dask cluster gives exactly the CLI's records for the same files."""

from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("dask.bag", reason="the dask extra is not installed (pip install '.[dask]')")
distributed = pytest.importorskip(
    "distributed", reason="the dask extra is not installed (pip install '.[dask]')"
)

import dask  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from conftest import FIXTURES, ROOT  # noqa: E402

from declass.cli import main  # noqa: E402
from declass.dask import extract_to_jsonl, list_inputs, records_bag, results_bag  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    """The sample fixtures, a file that cannot be read, and one declass does not read."""
    root = tmp_path_factory.mktemp("dump")
    shutil.copytree(FIXTURES, root / "sample")
    (root / "sample" / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not a pdf\n")
    (root / "sample" / "notes.docx").write_bytes(b"PK\x03\x04")
    return root / "sample"


@pytest.fixture(scope="module")
def cli_lines(dump, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "records.jsonl"
    result = CliRunner().invoke(main, ["extract", str(dump), "--format", "jsonl", "--output", str(out)])
    assert result.exit_code == 1, result.output  # broken.pdf fails, the rest is read
    assert "broken.pdf" in result.output
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) >= 9
    return lines


def test_extract_to_jsonl_writes_the_clis_lines_byte_for_byte(client, dump, cli_lines, tmp_path):
    summary = extract_to_jsonl(str(dump), tmp_path / "parts", client=client, files_per_partition=3)
    assert len(summary.parts) >= 3  # several partitions, spread over the two workers
    assert summary.parts == sorted(summary.parts)
    lines = []
    for part in summary.parts:
        with open(part, encoding="utf-8", newline="") as f:
            lines += f.read().splitlines(keepends=True)
    assert sorted(lines) == sorted(cli_lines)
    assert summary.records == len(cli_lines)
    assert [p for p, _ in summary.errors] == [str(dump / "broken.pdf")]
    # source.path is the path as listed, as the CLI writes it
    paths = {json.loads(line)["source"]["path"] for line in lines}
    assert str(dump / "seed" / "seed_rostow_1962.txt") in paths


def test_records_bag_holds_the_clis_records(client, dump, cli_lines):
    records = records_bag(str(dump), files_per_partition=4).compute()
    assert sorted(json.dumps(r, ensure_ascii=False) + "\n" for r in records) == sorted(cli_lines)
    failed = results_bag([str(dump / "broken.pdf"), str(dump / "seed")]).compute()
    assert [r["error"] is not None for r in failed] == [True, False]


def test_a_rerun_over_fewer_files_leaves_no_stale_part(client, dump, tmp_path):
    out = tmp_path / "parts"
    first = extract_to_jsonl(str(dump), out, client=client, files_per_partition=2, ocr="never")
    second = extract_to_jsonl(str(dump / "seed"), out, client=client, files_per_partition=2, ocr="never")
    assert len(first.parts) > 1 and len(second.parts) == 1
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl"]
    assert second.records == 1 and second.files == 1


def test_relative_paths_and_globs_are_listed_as_the_cli_lists_them(monkeypatch):
    monkeypatch.chdir(ROOT)
    files, missing = list_inputs(["fixtures/sample/s*/*.txt", "fixtures/sample/frus", "nothing-here.txt"])
    assert "fixtures/sample/seed/seed_rostow_1962.txt" in files
    assert "fixtures/sample/frus/frus1918Russiav03_d150.txt" in files
    assert not any(f.endswith(".gold.json") for f in files)
    assert missing == ["nothing-here.txt"]
    with dask.config.set(scheduler="sync"):
        records = records_bag("fixtures/sample/seed/*.txt").compute()
        results = results_bag(["nothing-here.txt"]).compute()
    cli = CliRunner().invoke(
        main, ["extract", "fixtures/sample/seed/seed_rostow_1962.txt", "--format", "jsonl"]
    )
    assert [json.dumps(r, ensure_ascii=False) + "\n" for r in records] == [cli.stdout]
    assert records[0]["source"]["path"] == "fixtures/sample/seed/seed_rostow_1962.txt"
    assert results == [
        {"path": "nothing-here.txt", "sha256": None, "records": [], "error": "no such file or directory"}
    ]


def test_standard_input_and_unknown_ocr_modes_are_refused_before_any_work(tmp_path):
    with pytest.raises(ValueError, match="standard input"):
        list_inputs("-")
    with pytest.raises(ValueError, match="ocr must be one of"):
        records_bag(str(FIXTURES), ocr="sometimes")
    with pytest.raises(ValueError, match="ocr must be one of"):
        extract_to_jsonl(str(FIXTURES), tmp_path / "parts", ocr="sometimes")
    assert not (tmp_path / "parts").exists()
