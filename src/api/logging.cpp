#include "logging.h"

Q_LOGGING_CATEGORY(lcApi, "studyconnect.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransfer, "studyconnect.api.transfer", QtInfoMsg)
