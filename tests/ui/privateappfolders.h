#pragma once

// Private settings and data folders for a test that runs the app (QSettings, the offline stores,
// the autostart entry), so it never reads or changes the user's. Create it before the
// QGuiApplication; the folders go when it does.
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

class PrivateAppFolders
{
public:
    /// `applicationName` names the settings file, one per test so two tests never share one.
    explicit PrivateAppFolders(const QString &applicationName)
    {
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path()));
        QCoreApplication::setApplicationName(applicationName);
        QCoreApplication::setOrganizationName(QStringLiteral("StudyConnect"));
    }

private:
    QTemporaryDir m_config;
    QTemporaryDir m_data;
};
