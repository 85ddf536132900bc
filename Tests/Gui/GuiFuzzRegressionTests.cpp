// Project files that fuzz_project_file found (Tests/Fuzz, docs/FUZZING.md). The project reader lives in App/, so its
// regression tests live in the app's test binary; the other readers' are in Tests/FuzzRegressionTests.cpp.
#include "App/ProjectFile.h"
#include <catch2/catch.hpp>

using namespace loopmind;

TEST_CASE("fuzz: numbers a project cannot hold are errors naming the field, not undefined conversions", "[fuzz][project]")
{
    // The fuzzer's input was a whole project whose seed had grown to 92233720368547758083: more than 64 bits, so
    // JSON keeps it as a double, and value<uint64_t>() converted it with undefined behaviour (UBSan).
    const std::pair<const char*, const char*> cases[] = {
        { R"({"loopmindProject":1,"seed":92233720368547758083})", "seed" },
        { R"({"loopmindProject":1,"seed":-1})", "seed" },
        { R"({"loopmindProject":1,"seed":0.5})", "seed" },
        { R"({"loopmindProject":1.5e300})", "loopmindProject" },
        { R"({"loopmindProject":1,"render":{"bitDepth":1e300}})", "render.bitDepth" },
        { R"({"loopmindProject":1,"render":{"sampleRate":0}})", "render.sampleRate" }, // the render would use it as is
    };
    for (const auto& [text, field] : cases) {
        INFO(text);
        auto p = projectFromText(text, "/songs");
        REQUIRE_FALSE(p.ok());
        CHECK(p.error().find(field) == 0);
    }
    auto edge = projectFromText(R"({"loopmindProject":1,"seed":18446744073709551615,"render":{"bitDepth":16,"sampleRate":48000}})", "/");
    REQUIRE(edge.ok());
    CHECK(edge->song.seed == UINT64_MAX);
    CHECK(edge->render.bitDepth == 16);
}
