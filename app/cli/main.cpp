#include "cli/clirunner.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("studyconnect-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("StudyConnect"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STUDYCONNECT_VERSION));
    return CliRunner::run(app.arguments());
}
