#include "configfile.h"
