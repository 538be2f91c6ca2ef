# Ratio: build, test, demo, install.
# Settings ------------------------------------------------------------------
CC         ?= cc
PKG_CONFIG ?= pkg-config
PREFIX     ?= /usr/local
BUILD      ?= build
LUA_PC     ?= lua5.4
CFLAGS     ?= -O2 -g
WARN       := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CPPFLAGS   += -D_XOPEN_SOURCE=700 -Isrc -I$(BUILD)/gen

# Debian packages the build and the tests need; `make deps` installs the
# missing ones (apt-get, as root or through sudo).
DEB_PKGS   := gcc make pkg-config liblua5.4-dev libcsv-dev libcmocka-dev \
              libjansson-dev valgrind clang libclang-rt-14-dev libedit-dev tmux \
              libmicrohttpd-dev chromium chromium-driver python3-selenium

# libcsv ships no .pc file: it is found by its header and linked by name.
PC_PKGS    := $(LUA_PC) jansson libedit libmicrohttpd
DEP_CFLAGS  = $(shell $(PKG_CONFIG) --cflags $(PC_PKGS) 2>/dev/null)
DEP_LIBS    = $(shell $(PKG_CONFIG) --libs $(PC_PKGS) 2>/dev/null) -lcsv -lm
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

ifeq ($(V),1)
Q :=
else
Q := @
endif

SRCS     := $(sort $(wildcard src/*.c))
LIB_SRCS := $(filter-out src/main.c,$(SRCS))
OBJS     := $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIB_OBJS := $(LIB_SRCS:src/%.c=$(BUILD)/obj/%.o)
GEN_HDR  := $(BUILD)/gen/prelude_lua.h
# The web assets (the reports' style sheet, the served page) are compiled
# in the same way: src/NAME.EXT becomes $(BUILD)/gen/NAME.EXT.h, holding
# ratio_NAME_EXT.
WEB_ASSETS := src/report.css src/serve.html src/serve.css src/serve.js
GEN_HDR  += $(WEB_ASSETS:src/%=$(BUILD)/gen/%.h)
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps demo test test-unit test-e2e test-san san-bins bench install uninstall clean
all: $(BUILD)/.deps-ok ratio

# The deps step runs once per build directory, and again when this file
# changes (a package added); it is cheap when nothing is missing.
deps $(BUILD)/.deps-ok: Makefile
	$(Q)sh src/deps.sh $(DEB_PKGS)
	$(Q)mkdir -p $(BUILD) && touch $(BUILD)/.deps-ok

ratio: $(OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(DEP_LIBS) -lpthread

$(BUILD)/obj/%.o: src/%.c $(GEN_HDR) | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -MMD -MP -c -o $@ $<

# The prelude (the rule language written in Lua) is compiled into the binary.
$(BUILD)/gen/prelude_lua.h: src/prelude.lua src/embed.sh
	@mkdir -p $(dir $@)
	@echo "  EMBED   $<"
	$(Q)sh src/embed.sh ratio_prelude_lua $< > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.h: src/% src/embed.sh
	@mkdir -p $(dir $@)
	@echo "  EMBED   $<"
	$(Q)sh src/embed.sh ratio_$(subst .,_,$*) $< > $@.tmp && mv $@.tmp $@

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -o $@ $< $(LIB_OBJS) $(DEP_LIBS) $(CMOCKA_LIBS) -lpthread

# The two cases as decided, each opinion in a line: by default eval uses
# the case's own opinions (the pack also carries the law before and after
# it, for --as-of and --all-opinions); --brief leaves out the reasoning.
demo: all
	./ratio eval rules/due_process -f cases/davidson.csv --brief
	@echo "The reasoning, element by element: ./ratio eval rules/due_process -f cases/davidson.csv --row davidson"
	@echo
	@echo "The same on a web page, for a class: ratio serve rules/due_process -f cases/decided.csv"
	@echo "(then open http://127.0.0.1:8080/ and change Davidson's facts; Ctrl-C stops it)"

test-unit: $(UNIT_BINS)
	$(Q)sh tests/run_unit.sh $(UNIT_BINS)

test-e2e: all
	$(Q)sh tests/e2e/run.sh ./ratio

# The whole suite once more, built with AddressSanitizer and UBSan into
# its own build directory.
SAN_BUILD := $(BUILD)/san
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SAN_UNIT_BINS := $(UNIT_BINS:$(BUILD)/%=$(SAN_BUILD)/%)

san-bins: $(BUILD)/ratio-san $(UNIT_BINS)

$(BUILD)/ratio-san: $(OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(DEP_LIBS) -lpthread

test-san: $(BUILD)/.deps-ok
	$(Q)$(MAKE) --no-print-directory BUILD=$(SAN_BUILD) CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" san-bins

# libFuzzer targets (tests/fuzz/fuzz_*.c), built with clang, ASan and UBSan
# into their own build directory. `make fuzz` runs each for FUZZ_TIME
# seconds (default 300) on its seed corpus; `make test` runs each briefly.
FUZZ_BUILD := $(BUILD)/fuzz
FUZZ_CC    ?= clang
FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_SRCS  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS  := $(FUZZ_SRCS:tests/fuzz/%.c=$(FUZZ_BUILD)/%)
FUZZ_TIME  ?= 300

# (run with BUILD=$(FUZZ_BUILD) CC=clang: the library objects, then the targets)
fuzz-build: $(LIB_OBJS) $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/%)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(LIB_OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(WARN) $(CFLAGS) -fsanitize=fuzzer $(CPPFLAGS) $(DEP_CFLAGS) -o $@ $< $(LIB_OBJS) $(DEP_LIBS) -lpthread

fuzz-bins: $(BUILD)/.deps-ok
	$(Q)$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) CFLAGS="$(FUZZ_FLAGS)" LDFLAGS="$(FUZZ_FLAGS)" fuzz-build

fuzz: fuzz-bins
	$(Q)sh tests/fuzz/run.sh $(FUZZ_TIME) $(FUZZ_BINS)

# Plain suites, then the sanitizer build of both, a short fuzz run and the
# end-to-end suite under valgrind; the last line printed is the total,
# "N passed, N failed".
test: all $(UNIT_BINS) test-san fuzz-bins
	$(Q)sh tests/run_all.sh ./ratio "$(UNIT_BINS)" $(SAN_BUILD)/ratio-san "$(SAN_UNIT_BINS)" "$(FUZZ_BINS)"

# Benchmarks: never part of `make test` (these machines are shared and
# noisy); ratios measured side by side in one run. PEERS=DIR adds the peer
# implementations found in DIR.
BENCH_PKGS := hyperfine mawk python3
bench: all $(BUILD)/bench/latency $(BUILD)/bench/serve_load
	$(Q)sh src/deps.sh $(BENCH_PKGS)
	$(Q)sh tests/bench/run.sh ./ratio $(BUILD)/bench $(PEERS)

# The API's load: concurrent clients on loopback (plain C, no library).
$(BUILD)/bench/serve_load: tests/bench/serve_load.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(WARN) $(CFLAGS) -o $@ $< -lpthread

$(BUILD)/bench/latency: tests/bench/latency.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -o $@ $< $(LIB_OBJS) $(DEP_LIBS) -lpthread

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 ratio $(DESTDIR)$(PREFIX)/bin/ratio
	if [ -f docs/ratio.1 ]; then install -m 644 docs/ratio.1 $(DESTDIR)$(PREFIX)/share/man/man1/ratio.1; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ratio $(DESTDIR)$(PREFIX)/share/man/man1/ratio.1

clean:
	rm -rf $(BUILD) ratio

-include $(OBJS:.o=.d)
