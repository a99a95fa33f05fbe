#pragma once

#include "singleinstance.h"

class QQmlApplicationEngine;

/// What main() does between creating the application and exec(), shared with the end-to-end
/// test so that it runs the app exactly as users get it.
namespace AppSetup {

/// Style and translations; call once after QGuiApplication, before the engine.
void prepare();
/// Signs in with STUDYCONNECT_TOKEN when it is set (and unsets it); load() calls it.
void useEnvironmentToken();
/// Loads qrc:/StudyConnect/Main.qml; false when it failed. Arms the first-frame probe, and gives
/// the window to DesktopShell (closing to the tray, notifications bring it to the front).
bool load(QQmlApplicationEngine &engine);
/// What the running app does when a later start hands it a request: the window comes to the
/// front, a sign-in link is asked about, a --server is offered on the sign-in page (or, while
/// signed in elsewhere, refused with a note for the later start to print).
QString takeHandOver(const SingleInstance::Request &request);

} // namespace AppSetup
