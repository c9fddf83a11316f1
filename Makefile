# The two commands of a fresh machine: `make run` and `make test` (README.md).
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out

.PHONY: setup run test eval bench lint clean

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh

setup: $(STAMP)

# the main job on the bundled corpus: extract every document, score against gold, build the index
run: $(STAMP)
	$(BIN)/python scripts/run_corpus.py --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest

# the seeds' gold; with ../shared present, also the real documents' gold
eval: $(STAMP)
	$(BIN)/vanban eval corpus/gold corpus/seeds
	@if [ -d ../shared/gold ]; then $(BIN)/vanban eval ../shared/gold corpus/seeds ../shared/realdocs; fi

bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_index.py
	$(BIN)/python scripts/bench_check.py

lint: $(STAMP)
	$(BIN)/ruff check pipeline schemas tests scripts

clean:
	rm -rf $(OUT) .pytest_cache
