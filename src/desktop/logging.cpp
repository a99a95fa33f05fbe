#include "logging.h"

Q_LOGGING_CATEGORY(lcDesktop, "studyconnect.desktop", QtInfoMsg)
