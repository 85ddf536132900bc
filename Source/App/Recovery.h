#pragma once
// Never lose work: a recovery copy of the project (the .loopmind format, written atomically) in the settings folder.
// The studio writes it from a snapshot of the document at most every autosaveSeconds while there are unsaved
// changes (on a background thread), and at once when the process is asked to end (SIGTERM, SIGINT, SIGHUP: a
// logout or shutdown). The signal handler only sets a flag; the message thread saves and quits with status 0.
// A clean save or a clean quit without unsaved changes removes the copy; a crash or kill -9 leaves it for the next
// start, which offers it back.
#include "App/ProjectFile.h"
#include <atomic>
#include <juce_core/juce_core.h>

namespace loopmind {

/** Installs the handlers (once per process): SIGTERM, SIGINT and SIGHUP set a flag instead of ending it. */
void installTerminationHandlers();
/** A signal asked the process to end; the message thread polls it. */
bool terminationRequested();

/** $LOOPMIND_AUTOSAVE_SECONDS (tests), else 30. */
double autosaveSeconds();

/** The recovery copy beside the settings file. */
juce::File recoveryFileIn(const juce::File& settingsFolder);

} // namespace loopmind
