// Canonical speakers (internal): from a source mention to the name it refers to.
//
// ResolveSpeakers fills Attribution::speaker for each attribution from its
// source span and the article around it:
//  - a full name is itself (titles such as "Mr." or "Sen." dropped);
//  - a surname or first name becomes the full name seen in the article;
//  - a pronoun (he, she, they) is the most recent person before it, outside
//    quotations, whose pronouns agree;
//  - a description ("the 36-year-old", "the supermodel") is the article's
//    main person when one person dominates the article;
//  - an organisation ("the White House") stays as written;
//  - otherwise the speaker stays empty.
#pragma once

#include <vector>

#include "analyse/article_view.h"
#include "chorus/quotes.h"

namespace chorus::quotes {

void ResolveSpeakers(const ArticleView& view, std::vector<Attribution>& attributions);

}  // namespace chorus::quotes
