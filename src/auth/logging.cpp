#include "logging.h"

Q_LOGGING_CATEGORY(lcAuth, "studyconnect.auth", QtInfoMsg)
