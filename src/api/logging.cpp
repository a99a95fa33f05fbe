#include "logging.h"

Q_LOGGING_CATEGORY(lcApi, "studyconnect.api", QtInfoMsg)
