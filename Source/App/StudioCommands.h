#pragma once
// Every user action has one command ID: menus, shortcuts, buttons and --demo-render all invoke these.
#include <juce_gui_basics/juce_gui_basics.h>

namespace loopmind::commands {

enum : juce::CommandID {
    openProject = 0x2001,
    saveProject,
    saveProjectAs,
    addFolder,
    undo,
    redo,
    generate,
    variation,
    playStop,
    rewind,
    toggleLoop,
    render,
    cancelJobs,
    audioSettings,
    zoomIn,
    zoomOut,
    zoomFit,
    focusSearch,
    audition,
    toggleMixer,
    freezeTrack,
    splitClips,
    duplicateClips,
    copyClips,
    cutClips,
    pasteClips,
    deleteClips,
    last = deleteClips,
};

} // namespace loopmind::commands
