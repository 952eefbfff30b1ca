"""国家高技能人才振兴计划公开数据站点生成器。

The pipeline is ``load → validate → render → export → site build``; only
:mod:`generator.build` knows the order.
"""
