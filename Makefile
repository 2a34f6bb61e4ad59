# logscan: build, test and install.
#
#   make            release build
#   make test       installs the Debian packages the tests drive (real journalctl, MTA, browser,
#                   firewall tools), then runs `swift test`
#   make deps       only the package installs
#
# The tests run real programs, never mocks; a test whose program is missing fails, it does not skip.

SWIFT ?= swift

# Debian packages the build needs.
BUILD_PACKAGES = zlib1g-dev pkg-config
# Debian packages the tests drive (one line per feature, so additions do not collide).
TEST_PACKAGES  = gzip
TEST_PACKAGES += python3
TEST_PACKAGES += exim4-daemon-light systemd
TEST_PACKAGES += time util-linux

SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build test deps
all: build

build:
	$(SWIFT) build -c release

deps:
	@missing=""; for p in $(BUILD_PACKAGES) $(TEST_PACKAGES); do \
	    dpkg -s "$$p" >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "make deps: installing$$missing"; \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test: deps
	$(SWIFT) test
