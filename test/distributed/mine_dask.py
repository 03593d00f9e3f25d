"""mine as the map step of Dask distributed: partitions of input files go through `mine ner --ndjson`, then each
aggregate's partial count, on the workers of a LocalCluster; the partials are merged with `--merge` at the end.

  python3 mine_dask.py OUT_DIR AGGREGATES_JSON FILE...

AGGREGATES_JSON: {"name": [partial args, merge args], ...}, e.g.
  {"entities": [["entities", "--json"], ["entities", "--merge", "--json"]]}
Each aggregate's merged output is written to OUT_DIR/NAME.out. Used by test/distributed/dask.test.ts; the README
shows the same shape for a real cluster.
"""
import json
import os
import subprocess
import sys
import tempfile

import dask.bag as db
from dask.distributed import Client, LocalCluster

MINE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bin", "mine.js")
# Two partitions are enough to test the merge; each costs a mine run per aggregate.
WORKERS = 2
PARTITIONS = 2


def mine(args, stdin=None):
    """Runs mine (one thread: the cluster is the parallelism) and returns its stdout."""
    done = subprocess.run(["node", MINE, *args, "--jobs", "1", "-q"], input=stdin, capture_output=True, check=True)
    return done.stdout


def map_partition(files, aggregates):
    """One partition: its documents through ner once, then every aggregate's partial count of them."""
    records = mine(["ner", "--ndjson", *files])
    # Aggregates that share their partial step (a JSON and a table of the same counts) run it once.
    partials = {}
    for partial, _ in aggregates.values():
        if tuple(partial) not in partials:
            partials[tuple(partial)] = mine([*partial, "-"], records)
    return [{name: partials[tuple(partial)] for name, (partial, _) in aggregates.items()}]


def main():
    out_dir, aggregates, files = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3:]
    # Workers as threads: each task runs mine in its own process anyway, and worker processes take seconds to start.
    with LocalCluster(n_workers=WORKERS, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, Client(cluster):
        # Partitions keep the input order, and the merge adds them up in that order.
        partials = db.from_sequence(files, npartitions=PARTITIONS).map_partitions(map_partition, aggregates).compute()
    with tempfile.TemporaryDirectory() as tmp:
        for name, (_, merge) in aggregates.items():
            paths = []
            for i, partial in enumerate(partials):
                paths.append(os.path.join(tmp, f"{name}-{i}.ndjson"))
                with open(paths[-1], "wb") as f:
                    f.write(partial[name])
            with open(os.path.join(out_dir, f"{name}.out"), "wb") as f:
                f.write(mine([*merge, *paths]))


if __name__ == "__main__":
    main()
