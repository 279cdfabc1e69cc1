# Two commands on a fresh Debian 12 machine:
#   make        installs missing packages, builds, renders events/ into out/
#   make test   the same set-up, then every test through ctest
# The package list lives here and nowhere else.

PACKAGES := build-essential cmake pkg-config \
            libboost-date-time-dev libyaml-cpp-dev libcairo2-dev libpango1.0-dev \
            libcli11-dev doctest-dev \
            fonts-noto-core fonts-noto-cjk \
            libzip-dev libexpat1-dev libqpdf-dev \
            poppler-utils qpdf python3 python3-yaml python3-jsonschema python3-openpyxl \
            python3-geojson git chromium chromium-driver python3-selenium

# A failed compile must fail make even though its output is filtered through grep.
SHELL       := /bin/bash
.SHELLFLAGS := -o pipefail -c
QUIET_BUILD := | { grep -v -e '^\[.*\] Built target' -e '^Consolidate' || true; }

BUILD    ?= build
JOBS     ?= 2
CMAKE_ARGS ?=
TEMPLATE ?= templates/default.yaml
BIN      := $(BUILD)/timeline
EVENTS   := $(shell find events -name '*.yaml' -o -name '*.yml' 2>/dev/null | LC_ALL=C sort)
OUTPUTS  := out/timeline.pdf out/timeline.svg out/timeline.png
SUDO     := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: all build test bench clean deps format gallery gallery-large fuzz FORCE
.DELETE_ON_ERROR:

all: $(OUTPUTS)

# Packages are checked once per change of this Makefile, not on every run.
deps: $(BUILD)/.packages
$(BUILD)/.packages: Makefile
	@missing="$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done)"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:" $$missing; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing \
	  || { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; }; \
	fi
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/CMakeCache.txt: CMakeLists.txt tests/CMakeLists.txt $(BUILD)/.packages
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS)
	@touch $@

# CMake knows what is out of date; its build leaves the binary untouched when nothing changed.
$(BIN): $(BUILD)/CMakeCache.txt FORCE
	@cmake --build $(BUILD) -j $(JOBS) --target timeline -- --no-print-directory $(QUIET_BUILD)
	@test -x $@

build: $(BIN)

# One render writes all three outputs; the pattern rule tells make so.
out/timeline%pdf out/timeline%svg out/timeline%png: $(BIN) $(EVENTS) $(TEMPLATE)
	@mkdir -p out
	$(BIN) render events --template $(TEMPLATE) -o out/timeline.pdf -o out/timeline.svg -o out/timeline.png

test: $(BIN)
	@cmake --build $(BUILD) -j $(JOBS) -- --no-print-directory $(QUIET_BUILD)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The seed events drawn with every template, for the README: look at each before committing.
TEMPLATES := $(sort $(basename $(notdir $(wildcard templates/*.yaml))))
gallery: $(BIN)
	@mkdir -p docs/gallery
	@for t in $(TEMPLATES); do \
	  $(BIN) render events --template $$t --today 2024-10-01 -o docs/gallery/$$t.png || exit 3; \
	  echo "docs/gallery/$$t.png"; \
	done
	@$(BIN) render events --since tests/fixtures/since/seed-before --today 2024-10-01 \
	  -o docs/gallery/since.png && echo "docs/gallery/since.png"
	@cp out/timeline.png docs/example.png 2>/dev/null || $(BIN) render events -o docs/example.png

# Charts of generated corpora at real sizes (30,000 events; a 5,000-event tracker; a detail
# page of --layout pages), for docs/performance.md.
gallery-large: $(BIN)
	BIN=$(BIN) bash bench/gallery_large.sh

# Per-stage and whole-process timings on generated corpora, against matplotlib; about 5
# minutes. bench/run.sh installs its own packages (python3-matplotlib). See docs/performance.md.
bench: $(BUILD)/.packages
	BUILD=$(BUILD) JOBS=$(JOBS) bash bench/run.sh

# make install [PREFIX=/usr/local] [DESTDIR=/staging]: the binary, the templates (found by
# --template NAME from there), the man page timeline(1) and bash completion; the list is in
# the install() rules of CMakeLists.txt.
PREFIX ?= /usr/local
.PHONY: install
install: $(BIN)
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) out/timeline.*

FORCE:

# Fuzzing (docs/reliability.md): builds the libFuzzer targets in build-fuzz/ with clang++-14 and
# runs each for FUZZ_SECONDS, one after another; findings are saved under
# tests/fuzz/regressions/, which `make test` replays.
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) fuzz/run.sh
