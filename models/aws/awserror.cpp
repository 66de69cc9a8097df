#include "awserror.h"
