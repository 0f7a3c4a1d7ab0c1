# copcgap — build, test, install.
#
#   make            build ./copcgap
#   make check      build and run every test (unit, CLI golden, the
#                   bad-input catalogue, the fuzz regression corpus)
#   make demo       run the tool on the shipped samples into out/
#   make bench      performance benchmarks (not part of check)
#   make coverage   line coverage of src/ by the tests (gcovr)
#   make deps       install missing Debian packages (apt-get)
#   make fuzz       build the libFuzzer targets with clang (build/fuzz/)
#   make fuzz-run   fuzz each target FUZZ_SECONDS (default 20) seconds
#   make lint       cppcheck and clang-tidy, zero findings (docs/lint.md)
#
# Knobs: CC CFLAGS LDFLAGS WERROR=1 SANITIZE=address,undefined COVERAGE=1
#        PREFIX DESTDIR VALGRIND=1 (run unit tests under valgrind)

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/copcgap
MANDIR    ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions

CC        ?= cc
PKG_CONFIG ?= pkg-config
PKGS      := libxml-2.0 sqlite3 jansson nettle xlsxwriter libpng
HPDF_LIBS ?= -lhpdf -lz -lpng -lm

VERSION   := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

WARNINGS  := -Wall -Wextra -Wpedantic -Wshadow -Wconversion \
             -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
             -Wundef -Wcast-qual -Wwrite-strings -Wvla
ifeq ($(WERROR),1)
WARNINGS  += -Werror
endif

CFLAGS    ?= -O2 -g
SAN_FLAGS :=
ifneq ($(SANITIZE),)
SAN_FLAGS := -fsanitize=$(SANITIZE) -fno-omit-frame-pointer \
             -fno-sanitize-recover=all
endif

PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

# Build variant directory: sanitizer and coverage builds never mix
# objects with plain ones.
COV_FLAGS :=
ifneq ($(SANITIZE),)
B := build/san
else ifeq ($(COVERAGE),1)
B := build/cov
COV_FLAGS := --coverage
else
B := build/rel
endif

ALL_CPPFLAGS = -Iinclude -I$(B)/gen -DCOPCGAP_VERSION='"$(VERSION)"' \
               -D_POSIX_C_SOURCE=200809L $(CPPFLAGS)
ALL_CFLAGS   = -std=c11 $(WARNINGS) $(SAN_FLAGS) $(COV_FLAGS) $(PKG_CFLAGS) \
               -MMD -MP $(CFLAGS)
ALL_LDFLAGS  = $(SAN_FLAGS) $(COV_FLAGS) $(LDFLAGS)
LIBS_ALL     = $(PKG_LIBS) $(HPDF_LIBS) -lm

# The CLI layer (main.c, cmd_*.c) links into the binary only; everything
# else forms the library that tests and tools link against.
CLI_SRC  := src/main.c $(wildcard src/cmd_*.c src/cli_*.c)
LIB_SRC  := $(filter-out $(CLI_SRC),$(wildcard src/*.c))
LIB_OBJ  := $(patsubst src/%.c,$(B)/obj/%.o,$(LIB_SRC)) $(B)/obj/embedded.o
MAIN_OBJ := $(patsubst src/%.c,$(B)/obj/%.o,$(CLI_SRC))
LIB_A    := $(B)/libcopcgap.a
BIN      := $(B)/copcgap

TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(patsubst tests/unit/%.c,$(B)/tests/%,$(TEST_SRC))

TOOL_SRC := $(wildcard tools/*.c)
TOOL_BIN := $(patsubst tools/%.c,$(B)/tools/%,$(TOOL_SRC))

# gen-org's model is split over tools/gen/*.c (tools/gen/gen.h).
GEN_SRC  := $(wildcard tools/gen/*.c)
GEN_OBJ  := $(patsubst tools/gen/%.c,$(B)/obj/gen/%.o,$(GEN_SRC))

# Files compiled into the binary so that validation never depends on
# finding them at run time.
EMBED    := standards/catalogue.xsd standards/xml.xsd standards/profile.xsd \
            templates/en.lang templates/es.lang templates/template.xsd \
            templates/auditor.xml templates/consultant.xml \
            templates/executive.xml src/store_schema.sql

# Quiet by default; V=1 shows the commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

.PHONY: all check structure coverage unit-tests cli-tests bad-tests \
        fuzz-regress fuzz fuzz-run deps-fuzz lint deps-lint demo bench deps \
        install uninstall \
        clean tools valgrind FORCE
all: copcgap

# ./copcgap is the plain build; sanitizer and coverage builds stay in
# build/san and build/cov.
copcgap: $(BIN)
ifeq ($(B),build/rel)
	@ln -sf $(BIN) copcgap
endif

$(BIN): $(MAIN_OBJ) $(LIB_A)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS_ALL)

$(LIB_A): $(LIB_OBJ)
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

$(B)/obj/%.o: src/%.c $(B)/gen/flags
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The installed data directory is compiled in; config.h changes (and
# datadir.c is rebuilt) only when PREFIX or DATADIR change.
$(B)/gen/config.h: FORCE
	@mkdir -p $(@D)
	@printf '#define COPCGAP_DATADIR "%s"\n' '$(DATADIR)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(B)/obj/datadir.o: $(B)/gen/config.h

# Everything is rebuilt when the compiler or its flags change (CFLAGS=,
# SANITIZE=, WERROR=, ...): the flags are written here and rewritten only
# when they differ.  The same step stops early, with pkg-config's own
# message, when a library is missing.
$(B)/gen/flags: FORCE
	@mkdir -p $(@D)
	@$(PKG_CONFIG) --print-errors --exists $(PKGS) check || \
	    { echo "copcgap: a library is missing: run 'make deps'" >&2; exit 1; }
	@printf '%s\n' '$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:

$(B)/gen/embedded.c: $(EMBED) tools/embed.sh
	@mkdir -p $(@D)
	$(Q)sh tools/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@

$(B)/obj/embedded.o: $(B)/gen/embedded.c $(B)/gen/flags
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(LIB_A) $(B)/gen/flags
	@mkdir -p $(@D)
	@echo "  TEST    $<"
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(CHECK_CFLAGS) -Itests/unit \
	    -o $@ $< $(LIB_A) $(ALL_LDFLAGS) $(CHECK_LIBS) $(LIBS_ALL)

$(B)/tools/%: tools/%.c $(LIB_A) $(B)/gen/flags
	@mkdir -p $(@D)
	@echo "  TOOL    $<"
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB_A) \
	    $(ALL_LDFLAGS) $(LIBS_ALL)

$(B)/obj/gen/%.o: tools/gen/%.c $(B)/gen/flags
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Itools/gen -c -o $@ $<

$(B)/tools/gen-org: tools/gen-org.c $(GEN_OBJ) $(LIB_A)
	@mkdir -p $(@D)
	@echo "  TOOL    $<"
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Itools/gen -o $@ $< $(GEN_OBJ) \
	    $(LIB_A) $(ALL_LDFLAGS) $(LIBS_ALL)

tools: $(TOOL_BIN)

# ---------------------------------------------------------------- tests
check: deps
	@$(MAKE) --no-print-directory copcgap tools $(TEST_BIN)
	@$(MAKE) --no-print-directory structure unit-tests cli-tests bad-tests \
	    fuzz-regress

# The layer table, the call-cycle check (design.md, "Layers") and the
# language table against the keys the code names.
structure: $(LIB_OBJ) $(MAIN_OBJ)
	@sh tools/check-layers.sh
	@sh tools/check-cycles.sh $(LIB_OBJ) $(MAIN_OBJ)
	@sh tools/check-keys.sh

unit-tests: $(TEST_BIN)
	@sh tests/run-unit.sh $(TEST_BIN)

cli-tests: copcgap tools
	@sh tests/run-cli.sh $(BIN) $(B)/tools

# Line coverage of src/ by the whole test suite (gcovr); fails below the
# floor, which only ever goes up (docs/performance.md, "Coverage").
COVERAGE_MIN  := 93
COVERAGE_DEBS := gcovr
coverage: deps
	@sh tools/deps.sh $(COVERAGE_DEBS)
	@find build/cov -name '*.gcda' -delete 2>/dev/null || true
	@$(MAKE) --no-print-directory COVERAGE=1 CFLAGS='-O0 -g' copcgap tools
	@$(MAKE) --no-print-directory COVERAGE=1 CFLAGS='-O0 -g' unit-tests \
	    cli-tests bad-tests
	@gcovr --root . --filter 'src/' --object-directory build/cov \
	    --print-summary --fail-under-line $(COVERAGE_MIN) \
	    --txt build/cov/coverage.txt | tail -n 3
	@echo "per file: build/cov/coverage.txt"

# The bad-input catalogue (docs/limits.md): files that are not what they
# seem, outputs that must not clobber, numbers out of range.
bad-tests: copcgap
	@sh tests/run-cli.sh $(BIN) $(B)/tools tests/bad "bad-input catalogue"

# The fuzz targets built with $(CC) and a plain main (tests/fuzz/replay.c)
# replay every input fuzzing ever found (tests/fuzz-regress/TARGET): no
# clang needed.
FUZZ_TARGETS := csv num expr catalog profile template assess
REPLAY_BIN   := $(patsubst %,$(B)/fuzz-replay/fuzz_%,$(FUZZ_TARGETS))

$(B)/fuzz-replay/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
                         tests/fuzz/fuzz.h tests/fuzz/pipeline.h $(LIB_A)
	@mkdir -p $(@D)
	@echo "  REPLAY  $<"
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Itests/fuzz -o $@ $< \
	    tests/fuzz/replay.c $(LIB_A) $(ALL_LDFLAGS) $(LIBS_ALL)

fuzz-regress: $(REPLAY_BIN)
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p tests/fuzz-regress/$$t; \
	    $(B)/fuzz-replay/fuzz_$$t tests/fuzz-regress/$$t || exit 1; \
	done

valgrind: copcgap $(TEST_BIN)
	@VALGRIND=1 sh tests/run-unit.sh $(TEST_BIN)
	@VALGRIND=1 sh tests/run-cli.sh $(BIN) $(B)/tools
	@VALGRIND=1 sh tests/run-cli.sh $(BIN) $(B)/tools tests/bad \
	    "bad-input catalogue"

# ---------------------------------------------------------------- demo
demo: deps
	@$(MAKE) --no-print-directory copcgap tools
	@sh tools/demo.sh ./copcgap $(B)/tools

bench: deps
	@$(MAKE) --no-print-directory copcgap tools
	@sh bench/run.sh ./copcgap $(B)/tools

# ---------------------------------------------------------------- fuzz
# libFuzzer targets (tests/fuzz/fuzz_*.c) with ASan and UBSan, built
# with clang into build/fuzz/ from their own objects; docs/fuzzing.md.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 20
F            := build/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
FUZZ_CPPFLAGS = -Iinclude -I$(F)/gen -DCOPCGAP_VERSION='"$(VERSION)"' \
                -D_POSIX_C_SOURCE=200809L
FUZZ_CFLAGS   = -std=c11 -g -O1 $(FUZZ_SAN) $(PKG_CFLAGS) -MMD -MP
FUZZ_LIB_OBJ := $(patsubst src/%.c,$(F)/obj/%.o,$(LIB_SRC)) $(F)/obj/embedded.o
FUZZ_BIN     := $(patsubst %,$(F)/fuzz_%,$(FUZZ_TARGETS))

fuzz: deps-fuzz
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

fuzz-run: fuzz
	@sh tools/fuzz-run.sh $(F) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

$(F)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
	    -c -o $@ $<

$(F)/gen/config.h: FORCE
	@mkdir -p $(@D)
	@printf '#define COPCGAP_DATADIR "%s"\n' '$(DATADIR)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(F)/obj/datadir.o: $(F)/gen/config.h

$(F)/gen/embedded.c: $(EMBED) tools/embed.sh
	@mkdir -p $(@D)
	$(Q)sh tools/embed.sh $(EMBED) > $@.tmp && mv $@.tmp $@

$(F)/obj/embedded.o: $(F)/gen/embedded.c
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -c -o $@ $<

$(F)/libcopcgap.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

$(F)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h tests/fuzz/pipeline.h \
             $(F)/libcopcgap.a
	@echo "  FUZZER  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
	    -Itests/fuzz -o $@ $< $(F)/libcopcgap.a $(PKG_LIBS) $(HPDF_LIBS) -lm

# ---------------------------------------------------------------- lint
lint: deps-lint
	@sh tools/lint.sh

# ---------------------------------------------------------------- deps
DEBS := libxml2-dev libhpdf-dev libsqlite3-dev check libjansson-dev \
        pkg-config fonts-dejavu-core poppler-utils qpdf nettle-dev \
        libxlsxwriter-dev libpng-dev sqlite3 time unzip gcc make mupdf-tools \
        python3-pdfminer libxml2-utils
deps:
	@sh tools/deps.sh $(DEBS)

# Only make fuzz and make lint need these: make check does not.
FUZZ_DEBS := clang libclang-rt-14-dev
LINT_DEBS := cppcheck clang-tidy
deps-fuzz:
	@sh tools/deps.sh $(FUZZ_DEBS)
deps-lint:
	@sh tools/deps.sh $(LINT_DEBS)

# ---------------------------------------------------------------- install
install: copcgap
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/copcgap
	install -m 644 standards/*.xml standards/*.xsd $(DESTDIR)$(DATADIR)/
	install -m 644 templates/*.lang $(DESTDIR)$(DATADIR)/templates/
	install -m 644 templates/*.xml templates/*.xsd \
	    $(DESTDIR)$(DATADIR)/templates/
	if [ -f docs/copcgap.1 ]; then \
	    install -m 644 docs/copcgap.1 $(DESTDIR)$(MANDIR)/man1/; fi
	if [ -f tools/copcgap.bash ]; then \
	    install -m 644 tools/copcgap.bash $(DESTDIR)$(BASHCOMPDIR)/copcgap; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/copcgap $(DESTDIR)$(MANDIR)/man1/copcgap.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/copcgap
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build copcgap out samples/*/data

-include $(wildcard $(B)/obj/*.d $(B)/obj/gen/*.d $(B)/tests/*.d \
                   $(B)/tools/*.d $(B)/fuzz-replay/*.d $(F)/obj/*.d $(F)/*.d)
