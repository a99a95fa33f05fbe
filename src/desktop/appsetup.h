#pragma once

class QQmlApplicationEngine;

/// What main() does between creating the application and exec(), shared with the end-to-end
/// test so that it runs the app exactly as users get it.
namespace AppSetup {

/// Style and translations; call once after QGuiApplication, before the engine.
void prepare();
/// Signs in with STUDYCONNECT_TOKEN when it is set (and unsets it); load() calls it.
void useEnvironmentToken();
/// Loads qrc:/StudyConnect/Main.qml; false when it failed. Arms the first-frame probe.
bool load(QQmlApplicationEngine &engine);

} // namespace AppSetup
