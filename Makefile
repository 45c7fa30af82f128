# Coalitiekompas. `make run` builds and serves the demo; `make test` runs every test.
BUILD ?= build
DB ?= kompas.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all deps build server run test test-unit test-browser bench clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	@cmake --build $(BUILD) -j2

# Only what `run` needs: the server and its stylesheet, not the tests.
server: deps
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	@cmake --build $(BUILD) -j2 --target kompas assets

run: server
	@[ -f $(DB) ] || $(BUILD)/kompas demo --db $(DB)
	@echo "Demo-login: beheerder@voorbeeld.example / welkom-bij-kompas"
	@$(BUILD)/kompas serve --db $(DB) --listen $(LISTEN)

test:
	@scripts/install-deps.sh test
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	@cmake --build $(BUILD) -j2
	@cd $(BUILD) && ctest --output-on-failure -j2
	@node --test tests/browser/

bench:
	@scripts/install-deps.sh bench
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	@cmake --build $(BUILD) -j2
	@bench/web
	@bench/survey
	@bench/fuzz 300

clean:
	rm -rf $(BUILD)
