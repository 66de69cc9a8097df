#include "codecatalyst.h"
