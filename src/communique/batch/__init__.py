"""Batches on a Dask cluster: the same stages as ``analyze`` mapped over partitions of the
input on the workers of an existing ``dask.distributed`` cluster (each worker loads the
model once), written as Parquet datasets partitioned by publication month; and ``load``,
which brings such a folder into a SQLite store. Needs ``pip install 'communique[dask]'``.

>>> from distributed import Client  # doctest: +SKIP
>>> summary = run_batch(["articles/"], "out/", Client("tcp://scheduler:8786"))  # doctest: +SKIP
>>> load_batch("out/", "communique.db")  # doctest: +SKIP

The layout (datasets and their columns) is described in docs/PARQUET.md.
"""

from __future__ import annotations

from ._cluster import dask_client
from ._layout import DATASETS, MONTH, UNKNOWN_MONTH, dataset_columns, month_of
from ._load import LoadSummary, load_batch
from ._run import MANIFEST, PARTITION_SIZE, BatchSummary, run_batch
from ._worker import PipelinePlugin

__all__ = [
    "DATASETS",
    "MANIFEST",
    "MONTH",
    "PARTITION_SIZE",
    "UNKNOWN_MONTH",
    "BatchSummary",
    "LoadSummary",
    "PipelinePlugin",
    "dask_client",
    "dataset_columns",
    "load_batch",
    "month_of",
    "run_batch",
]
