#pragma once

#include <QString>

namespace sw::test {

/// The shared/ folder beside the repository (aws-models/, sigv4-testsuite/), or an empty
/// string where it is absent, e.g. in a clone elsewhere.
QString sharedDir();

} // namespace sw::test

/// Skips the current test with a clear message when shared/ is missing. .ci/run checks for
/// it separately, so a skip there cannot hide a missing suite.
#define SW_REQUIRE_SHARED_DIR()                                                                    \
    do {                                                                                           \
        if (sw::test::sharedDir().isEmpty())                                                       \
            QSKIP("../shared (aws-models, sigv4-testsuite) not found beside the repository; "      \
                  "set STEPWATCH_SHARED_DIR");                                                     \
    } while (false)
