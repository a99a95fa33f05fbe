#include "logging.h"

Q_LOGGING_CATEGORY(lcMath, "studyconnect.math", QtInfoMsg)
