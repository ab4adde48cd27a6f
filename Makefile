# normlint - build, test and install.
#
#   make            build build/normlint (installs missing Debian packages as root)
#   make check      unit tests under ASan+UBSan, every rule's examples, end-to-end tests
#   make bench      speed and memory benchmark
#   make install    PREFIX=/usr/local DESTDIR=
#
# Two variants share one source list: build/ (release, -O2) and
# build/asan/ (AddressSanitizer + UndefinedBehaviorSanitizer, for tests).

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
VERSION := 0.1.0

WARN     := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CPPFLAGS += -D_GNU_SOURCE -DNORMLINT_VERSION='"$(VERSION)"' -Isrc -Ibuild/gen
DEPS_OK  := $(shell tools/ensure-deps.sh $(if $(filter check,$(MAKECMDGOALS)),check,build) >&2 && echo ok)
ifneq ($(DEPS_OK),ok)
$(error missing build dependencies (see the message above))
endif
DEP_CFLAGS := $(shell pkg-config --cflags libpcre2-8 libcrypto jansson)
DEP_LIBS   := $(shell pkg-config --libs libpcre2-8 libcrypto jansson)
# glibc has iconv built in; a separate GNU libiconv needs -liconv.
ICONV_LIBS  := $(shell printf '\043include <iconv.h>\nint main(void){return iconv_open("UTF-8","GB18030")==(iconv_t)-1;}\n' \
                 | $(CC) -x c - -o /dev/null 2>/dev/null || echo -liconv)
LIBS        := $(DEP_LIBS) $(ICONV_LIBS) -lpthread

LIB_SRC  := $(sort $(wildcard src/util/*.c src/text/*.c src/doc/*.c src/rules/*.c src/audit/*.c src/report/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
RULE_DATA := $(sort $(wildcard rules/*.rules rules/*.tsv rules/profiles/*.ini))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

REL_CFLAGS  := -O2 -g
ASAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

REL_OBJ  := $(patsubst src/%.c,build/obj/%.o,$(LIB_SRC)) build/obj/builtin_rules.o
ASAN_OBJ := $(patsubst src/%.c,build/asan/obj/%.o,$(LIB_SRC)) build/asan/obj/builtin_rules.o
UNIT_BIN := $(patsubst tests/unit/%.c,build/asan/tests/%,$(UNIT_SRC))

.PHONY: all check unit rules-test e2e bench install clean
all: build/normlint

build/gen/builtin_rules.c: build/embed $(RULE_DATA)
	@mkdir -p $(@D)
	build/embed $@ $(foreach f,$(RULE_DATA),$(patsubst rules/%,%,$(f))=$(f))

build/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -Wall -Wextra -Werror -O1 -o $@ $<

build/obj/builtin_rules.o: build/gen/builtin_rules.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(REL_CFLAGS) $(CPPFLAGS) -c -o $@ $<
build/asan/obj/builtin_rules.o: build/gen/builtin_rules.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(ASAN_CFLAGS) $(CPPFLAGS) -c -o $@ $<

build/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(REL_CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -MMD -MP -c -o $@ $<
build/asan/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(ASAN_CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -MMD -MP -c -o $@ $<

build/libnormlint.a: $(REL_OBJ)
	ar rcs $@ $^
build/asan/libnormlint.a: $(ASAN_OBJ)
	ar rcs $@ $^

build/normlint: $(CLI_SRC) build/libnormlint.a
	$(CC) $(WARN) $(REL_CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -o $@ $(CLI_SRC) build/libnormlint.a $(LIBS)
build/asan/normlint: $(CLI_SRC) build/asan/libnormlint.a
	$(CC) $(WARN) $(ASAN_CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -o $@ $(CLI_SRC) build/asan/libnormlint.a $(LIBS)

build/asan/tests/%: tests/unit/%.c tests/unit/testutil.h build/asan/libnormlint.a
	@mkdir -p $(@D)
	$(CC) $(WARN) $(ASAN_CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -Itests/unit -o $@ $< build/asan/libnormlint.a $(LIBS) -lcmocka

# Unit tests, then every rule's own examples, then the end-to-end tests,
# all against the sanitizer build.
check: unit rules-test e2e

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; (cd tests/unit && ../../$$t); done

rules-test: build/asan/normlint
	build/asan/normlint rules test

e2e: build/asan/normlint build/normlint
	NORMLINT=$(CURDIR)/build/asan/normlint bash tests/e2e/run.sh

bench: build/normlint
	bash tests/bench/run.sh

install: build/normlint
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 build/normlint $(DESTDIR)$(PREFIX)/bin/normlint

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
