#pragma once
/// The umbrella header: everything the smtpcheck core offers.

#include "smtpcheck/catalog.h"
#include "smtpcheck/config.h"
#include "smtpcheck/diagnose.h"
#include "smtpcheck/explain.h"
#include "smtpcheck/finding.h"
#include "smtpcheck/json.h"
#include "smtpcheck/link.h"
#include "smtpcheck/platform.h"
#include "smtpcheck/port.h"
#include "smtpcheck/probe_report.h"
#include "smtpcheck/probe_result.h"
#include "smtpcheck/provider.h"
#include "smtpcheck/settings.h"
#include "smtpcheck/step_verdict.h"
#include "smtpcheck/validate.h"
#include "smtpcheck/version.h"
