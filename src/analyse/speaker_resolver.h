// Canonical speakers (internal): from a source mention to the name it refers to.
//
// ResolveSpeakers fills Attribution::speaker for each attribution from its
// source span and the article around it, sources in text order (measured by
// eval/speaker_eval.py against eval/speakers/):
//  - a full name is itself (titles such as "Mr." or "Sen." dropped);
//  - a surname or first name becomes the full name seen in the article;
//  - "he" or "she" is the most salient person in the three sentences before
//    it (Lappin and Leass: mentions outside quotations, more for the first
//    person a sentence names and for those who spoke), of agreeing gender
//    (from pronouns, a title, a common first name); failing one, the most
//    recent such person further back;
//  - a description whose head names a person ("the 36-year-old", "the
//    supermodel", "the senator") is the article's main person when one
//    dominates it, else the most salient person; other descriptions ("the
//    statement") are no person;
//  - places and organisations ("New Hampshire", "Trump Tower") and
//    headlines are never taken for people;
//  - an organisation ("the White House") stays as written;
//  - otherwise the speaker stays empty.
#pragma once

#include <vector>

#include "analyse/article_view.h"
#include "chorus/quotes.h"

namespace chorus::quotes {

void ResolveSpeakers(const ArticleView& view, std::vector<Attribution>& attributions);

}  // namespace chorus::quotes
