#include "logging.h"

Q_LOGGING_CATEGORY(lcCli, "studyconnect.cli", QtInfoMsg)
