# logscan: build, test and install.
#
#   make            the release binary (Swift runtime linked in: it runs where no Swift is installed), the
#                   man page logscan.1 (from the argument parser, README.md's counting rules and exit codes,
#                   and doc/) and the bash, zsh and fish completions, all in $(GEN)/
#   make test       installs the Debian packages the tests drive (real journalctl, MTA, browser,
#                   firewall tools), then runs `swift test`
#   make install    PREFIX=/usr/local (default) DESTDIR= for staging; SYSCONFDIR=/etc for cron and defaults
#   make uninstall  the same variables; /etc/default/logscan stays if it was edited
#   make dist       $(SCRATCH)/logscan-VERSION-linux-ARCH.tar.gz: the installed tree under usr/local and etc
#                   (unpack with: tar -xzf FILE -C / --strip-components=1), with example reports
#   make deps       only the package installs
#
# The tests run real programs, never mocks; a test whose program is missing fails, it does not skip.

SWIFT ?= swift
# SwiftPM's build folder. Another folder gives a second, independent build (the install test uses one while
# `swift test` holds the lock on .build).
SCRATCH ?= .build
# Extra flags for every `swift build`/`swift test` (CI: -Xswiftc -warnings-as-errors, see .ci/run).
SWIFTFLAGS ?=
# Flags of the release build only (also read by bench/callgrind: `make -s release-swiftflags`). Package.swift
# gives our own modules generic metadata by accessor instead of by mangled name (typeMetadataByAccessor);
# here every module gets it, swift-argument-parser too, whose sets and dictionaries (of names, input keys,
# commands) and decoding containers otherwise cost a conformance scan of the whole binary each on their
# first use: 3.1 M instructions less a run (bench/RESULTS.md, round six, start-up).
RELEASE_SWIFTFLAGS = -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
SYSCONFDIR ?= /etc
# systemd reads /usr/local/lib/systemd/system as well as /usr/lib/systemd/system.
SYSTEMDUNITDIR ?= $(PREFIX)/lib/systemd/system
DESTDIR ?=

VERSION := $(shell sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/logscan/Logscan.swift)
ARCH := $(shell uname -m)
# The man page's date: the last commit's, so a rebuild of the same commit gives the same page.
MANDATE := $(shell git log -1 --format=%cs 2>/dev/null || date +%F)

RELEASE = $(SCRATCH)/release
GEN = $(SCRATCH)/generated
BIN = $(RELEASE)/logscan
DIST = logscan-$(VERSION)-linux-$(ARCH)
SOURCES := Package.swift $(shell find Sources -type f)

# Debian packages the build needs.
BUILD_PACKAGES = zlib1g-dev pkg-config
# Debian packages the tests drive (one line per feature, so additions do not collide).
TEST_PACKAGES  = gzip
TEST_PACKAGES += python3 util-linux time
TEST_PACKAGES += systemd systemd-journal-remote
TEST_PACKAGES += exim4-daemon-light
TEST_PACKAGES += iptables nftables ipset
TEST_PACKAGES += tidy chromium

SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build test deps install uninstall dist static-libstdc++ release-swiftflags
all: $(GEN)/stamp $(GEN)/logscan.1
build: all

# The generate-manual plugin builds the package in release mode (dynamically linked) and runs the binary
# with --experimental-dump-help; the static link comes after it, so the binary installed is the static one.
$(GEN)/stamp: $(SOURCES) | static-libstdc++
	@mkdir -p $(GEN)
	$(SWIFT) package --scratch-path $(SCRATCH) plugin generate-manual --date $(MANDATE)
	$(SWIFT) build --scratch-path $(SCRATCH) -c release --static-swift-stdlib --product logscan $(RELEASE_SWIFTFLAGS) $(SWIFTFLAGS)
	$(BIN) --generate-completion-script bash > $(GEN)/logscan.bash
	$(BIN) --generate-completion-script zsh > $(GEN)/_logscan
	$(BIN) --generate-completion-script fish > $(GEN)/logscan.fish
	touch $@

# libstdc++'s static archive, alone in the folder that Package.swift puts first on the linker's search path,
# so the release binary carries libstdc++ too (1.9 M instructions less for the dynamic loader at every start).
# Where the compiler knows no such archive, nothing is linked there and libstdc++.so is used as before.
static-libstdc++:
	@mkdir -p .build/static-libstdc++
	@archive="$$(clang -print-file-name=libstdc++.a 2>/dev/null)"; \
	case "$$archive" in /*) ln -sf "$$archive" .build/static-libstdc++/libstdc++.a ;; esac

release-swiftflags:
	@echo $(RELEASE_SWIFTFLAGS)

# generate-manual's own EXIT STATUS (a bare .Ex) is replaced by README.md's table, after its counting rules
# and doc/'s FILES; doc/'s EXAMPLES end the page.
$(GEN)/logscan.1: $(GEN)/stamp README.md $(wildcard doc/*)
	sed '/^\.Sh "EXIT STATUS"/,$$d' $(SCRATCH)/plugins/GenerateManual/outputs/logscan/logscan.1 > $@.new
	doc/readme2mdoc.sh README.md "### How attempts are counted" "COUNTING RULES" >> $@.new
	cat doc/logscan.1.files >> $@.new
	doc/readme2mdoc.sh README.md "### Exit status" "EXIT STATUS" >> $@.new
	cat doc/logscan.1.examples >> $@.new
	mv $@.new $@

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(DATADIR)/bash-completion/completions $(DESTDIR)$(DATADIR)/zsh/site-functions \
	    $(DESTDIR)$(DATADIR)/fish/vendor_completions.d \
	    $(DESTDIR)$(SYSCONFDIR)/cron.daily $(DESTDIR)$(SYSCONFDIR)/default $(DESTDIR)$(SYSTEMDUNITDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/logscan
	install -m 644 $(GEN)/logscan.1 $(DESTDIR)$(MANDIR)/man1/logscan.1
	install -m 644 $(GEN)/logscan.bash $(DESTDIR)$(DATADIR)/bash-completion/completions/logscan
	install -m 644 $(GEN)/_logscan $(DESTDIR)$(DATADIR)/zsh/site-functions/_logscan
	install -m 644 $(GEN)/logscan.fish $(DESTDIR)$(DATADIR)/fish/vendor_completions.d/logscan.fish
	install -m 755 contrib/cron.daily/logscan $(DESTDIR)$(SYSCONFDIR)/cron.daily/logscan
	install -m 644 contrib/systemd/logscan.service contrib/systemd/logscan.timer $(DESTDIR)$(SYSTEMDUNITDIR)/
	@# Settings are the admin's: never overwritten.
	[ -e $(DESTDIR)$(SYSCONFDIR)/default/logscan ] || install -m 644 contrib/default-logscan $(DESTDIR)$(SYSCONFDIR)/default/logscan
	@echo "Installed. The cron job mails yesterday's report to root daily (settings: $(SYSCONFDIR)/default/logscan);"
	@echo "or use the timer instead: systemctl daemon-reload && systemctl enable --now logscan.timer (the cron job then steps aside)."

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/logscan $(DESTDIR)$(MANDIR)/man1/logscan.1 \
	    $(DESTDIR)$(DATADIR)/bash-completion/completions/logscan $(DESTDIR)$(DATADIR)/zsh/site-functions/_logscan \
	    $(DESTDIR)$(DATADIR)/fish/vendor_completions.d/logscan.fish $(DESTDIR)$(SYSCONFDIR)/cron.daily/logscan \
	    $(DESTDIR)$(SYSTEMDUNITDIR)/logscan.service $(DESTDIR)$(SYSTEMDUNITDIR)/logscan.timer
	@# The settings file goes only if it is still the one shipped.
	if cmp -s contrib/default-logscan $(DESTDIR)$(SYSCONFDIR)/default/logscan; then rm -f $(DESTDIR)$(SYSCONFDIR)/default/logscan; fi

# The tree `make install` makes, plus the README and example outputs from Fixtures/, in one tarball.
dist: all
	rm -rf $(SCRATCH)/$(DIST) $(SCRATCH)/$(DIST).tar.gz
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/$(SCRATCH)/$(DIST) PREFIX=/usr/local SYSCONFDIR=/etc >/dev/null
	install -d $(SCRATCH)/$(DIST)/usr/local/share/doc/logscan/examples
	install -m 644 README.md $(SCRATCH)/$(DIST)/usr/local/share/doc/logscan/
	install -m 644 contrib/default-logscan $(SCRATCH)/$(DIST)/usr/local/share/doc/logscan/examples/default-logscan
	install -m 755 contrib/monitoring/check_logscan $(SCRATCH)/$(DIST)/usr/local/share/doc/logscan/examples/
	@# Example outputs from the sample logs, run from this folder so they show Fixtures/ paths only.
	examples=$(SCRATCH)/$(DIST)/usr/local/share/doc/logscan/examples; \
	sample() { TZ=UTC $(BIN) "$$@" --quiet Fixtures/debian Fixtures/mail 2>/dev/null; [ $$? = 2 ]; }; \
	sample --format text > $$examples/report.text && sample --format json > $$examples/report.json && \
	sample --format email --mailto root@example.org --mail-from logscan@example.org > $$examples/report.email && \
	sample events > $$examples/events.ndjson
	tar -C $(SCRATCH) --owner=0 --group=0 --sort=name -czf $(SCRATCH)/$(DIST).tar.gz $(DIST)
	@echo "$(SCRATCH)/$(DIST).tar.gz"

deps:
	@missing=""; for p in $(BUILD_PACKAGES) $(TEST_PACKAGES); do \
	    dpkg -s "$$p" >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "make deps: installing$$missing"; \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The install tests read the binary (readelf), hide the toolchain (unshare), lint and render the man page
# and run the completions.
TEST_PACKAGES += binutils util-linux mandoc man-db zsh fish

# The install tests (Tests/EndToEndTests/InstallTests.swift) use the tree and tarball made here, so the
# static release build happens once, outside `swift test`. The tests' temporary files go to a folder of
# this run (TMPDIR), removed after it however it ends: repeated runs used to leave gigabytes in /tmp. Like
# /tmp, anyone may enter it: some tests run logscan as an unprivileged user on files copied there.
test: deps
	rm -rf $(SCRATCH)/stage
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/$(SCRATCH)/stage >/dev/null
	$(MAKE) --no-print-directory dist >/dev/null
	tmp=$$(mktemp -d "$${TMPDIR:-/tmp}/logscan-test.XXXXXX") && chmod 1777 "$$tmp" && trap 'rm -rf "$$tmp"' EXIT && \
	TMPDIR=$$tmp LOGSCAN_STAGE=$(CURDIR)/$(SCRATCH)/stage LOGSCAN_DIST=$(CURDIR)/$(SCRATCH)/$(DIST).tar.gz \
	    $(SWIFT) test --scratch-path $(SCRATCH) $(SWIFTFLAGS)
