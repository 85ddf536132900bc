// The studio's side of never losing work: the autosave of the recovery copy, writing it when a signal asks the app
// to end, and offering it back after a crash (App/Recovery.h says where it lives and when it goes away).
#include "App/MainComponent.h"
#include "Core/PathText.h"
#include "UI/AsyncCallback.h"

namespace loopmind {

Project MainComponent::snapshot() { return { doc_.folders, doc_.song(), renderPanel_.settings() }; }

bool MainComponent::writeRecovery()
{
    recordPluginStates();
    return saveProject(snapshot(), pathFromText(recoveryFile().getFullPathName().toStdString())).ok();
}

void MainComponent::autosaveIfDue()
{
    if (terminationRequested() && !terminating_) {
        terminating_ = true; // once: the save, then the quit
        writeRecovery();
        if (onTerminationSaved)
            onTerminationSaved();
        return;
    }
    const double now = juce::Time::getMillisecondCounterHiRes();
    if (!doc_.dirty || now - lastAutosaveMs_ < autosaveSeconds() * 1000.0)
        return;
    lastAutosaveMs_ = now;
    // The snapshot is taken here; the file is written on the autosave thread (atomically: a kill mid-write leaves
    // the previous copy).
    autosave_.submit([project = snapshot(), file = pathFromText(recoveryFile().getFullPathName().toStdString())] {
        saveProject(project, file);
    });
}

bool MainComponent::restoreRecovery()
{
    const auto file = recoveryFile();
    if (!file.existsAsFile() || !openProjectFile(file))
        return false;
    doc_.projectFile = juce::File(); // restored work is unsaved work: the copy stays until it is saved
    doc_.dirty = true;
    updateTitle();
    return true;
}

void MainComponent::offerRecovery()
{
    const auto file = recoveryFile();
    if (!file.existsAsFile())
        return;
    const auto when = file.getLastModificationTime().toString(true, true, false);
    juce::Component::SafePointer<MainComponent> safe(this);
    juce::AlertWindow::showOkCancelBox(juce::MessageBoxIconType::QuestionIcon, "Restore unsaved work?",
                                       "LoopMind Studio did not close cleanly. Restore the work saved at " + when + "?",
                                       "Restore", "Not now", this, juce::ModalCallbackFunction::create([safe](int restore) {
                                           if (safe != nullptr && restore != 0) // declined: kept until the next save
                                               safe->restoreRecovery();
                                       }));
}

} // namespace loopmind
